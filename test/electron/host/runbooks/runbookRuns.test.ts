// Guided runs through the host, on a real data dir and a real runbook folder: variables (secrets never
// stored), step states with who and when on the timeline, skip reasons, break-glass confirmation.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTimelineEvent, type Incident, type Outcome, type RunbookRun, type TimelineEvent } from '../../../../electron/contract';
import type { Host } from '../../../../electron/host/host';
import { startTestHost } from '../../../helpers/testHost';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const drillRunbook = `id: drill-db-failover
title: Fail over the database
triggers:
  - id: ALERT-DB-DOWN
    severity: SEV1
variables:
  - name: NAMESPACE
    default: web3-marketplace-prod
  - name: ADMIN_TOKEN
    secret: true
steps:
  - order: 1
    description: Check the pods
    command: kubectl get pods -n $NAMESPACE
    requires: [kubectl, network]
  - order: 2
    description: Pause background jobs
    command: 'curl -X POST https://example.invalid/jobs/pause -H "Authorization: Bearer $ADMIN_TOKEN"' 
  - order: 3
    description: Switch to the replica
    command: kubectl rollout restart deployment/backend -n $NAMESPACE
    confirm:
      target: production
      warning: Restarts every backend pod
verification:
  - description: Health check answers
    command: curl -f https://example.invalid/health
exitCriteria:
  - Error rate below 1% for 15 minutes
`;

let dataDir: ReturnType<typeof makeTempDataDir>;
let folder: string;
let host: Host;

function ok<T>(outcome: Outcome): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
}

beforeEach(async () => {
  dataDir = makeTempDataDir();
  folder = join(dataDir.path, 'team-runbooks');
  mkdirSync(folder);
  writeFileSync(join(folder, 'drill-db-failover.yaml'), drillRunbook);
  host = startTestHost(dataDir.path).host;
  ok(await host.call('settings.update', { runbookFolders: [folder] }));
});

afterEach(async () => {
  await host.dispose();
  dataDir.remove();
});

async function declare(): Promise<Incident> {
  return ok<Incident>(await host.call('incidents.declare', { title: 'Database down', severity: 'SEV1' }));
}

async function timeline(incident: Incident): Promise<TimelineEvent[]> {
  return ok<TimelineEvent[]>(await host.call('incidents.timeline', { incidentId: incident.id }));
}

describe('guided runbook runs', () => {
  it('finds the runbook by its trigger, starts it with variables, and never stores the secret', async () => {
    const linked = ok<{ id: string }[]>(await host.call('runbooks.forTrigger', { triggerId: 'alert-db-down' }));
    expect(linked.map((runbook) => runbook.id)).toEqual(['drill-db-failover']);

    const incident = await declare();
    const secret = 'tok-3f9a-very-secret';
    const run = ok<RunbookRun>(await host.call('runs.start', { incidentId: incident.id, runbookId: 'drill-db-failover', variables: { ADMIN_TOKEN: secret } }));
    expect(run.variables).toEqual({ NAMESPACE: 'web3-marketplace-prod' });

    const detail = ok<{ incident: Incident }>(await host.call('incidents.get', { incidentId: incident.id }));
    expect(detail.incident.runbooks).toEqual(['drill-db-failover']);
    ok(await host.call('runs.setItem', { runId: run.id, key: 'step:2', state: 'running' }));

    const events = await timeline(incident);
    expect(events.map((event) => event.kind)).toEqual(['declared', 'runbook_started', 'runbook_step']);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(events[2]!.data.command).toBe('curl -X POST https://example.invalid/jobs/pause -H "Authorization: Bearer ••••••"');
    const onDisk = readdirSync(dataDir.path).filter((name) => name.startsWith('holdfast.db')).map((name) => readFileSync(join(dataDir.path, name)).toString('latin1'));
    expect(onDisk.some((bytes) => bytes.includes(secret))).toBe(false);
  });

  it('starts with a variable left for later, then sets it and corrects another, each change on the timeline (secrets by name only)', async () => {
    const incident = await declare();
    const run = ok<RunbookRun>(await host.call('runs.start', { incidentId: incident.id, runbookId: 'drill-db-failover', variables: {} }));
    expect(run.variables).toEqual({ NAMESPACE: 'web3-marketplace-prod' });
    const secret = 'later-token-31337';
    const set = ok<RunbookRun>(await host.call('runs.setVariables', { runId: run.id, variables: { ADMIN_TOKEN: secret, NAMESPACE: 'web3-marketplace-staging' } }));
    expect(set.variables).toEqual({ NAMESPACE: 'web3-marketplace-staging' });
    const listed = ok<RunbookRun[]>(await host.call('runs.list', { incidentId: incident.id }));
    expect(listed[0]!.variables).toEqual({ NAMESPACE: 'web3-marketplace-staging' });

    const [change] = (await timeline(incident)).filter((event) => event.kind === 'runbook_variables');
    expect(change!.data).toMatchObject({ runId: run.id, variables: { NAMESPACE: 'web3-marketplace-staging' }, previous: { NAMESPACE: 'web3-marketplace-prod' }, secretVariables: ['ADMIN_TOKEN'] });
    expect(describeTimelineEvent(change!)).toBe('Runbook variables set: NAMESPACE=web3-marketplace-staging (was web3-marketplace-prod), ADMIN_TOKEN (secret, not shown) (runbook Fail over the database)');
    const onDisk = readdirSync(dataDir.path).filter((name) => name.startsWith('holdfast.db')).map((name) => readFileSync(join(dataDir.path, name)).toString('latin1'));
    expect(onDisk.some((bytes) => bytes.includes(secret))).toBe(false);
  });

  it('refuses variables the runbook does not declare, and empty values, naming each', async () => {
    const incident = await declare();
    const run = ok<RunbookRun>(await host.call('runs.start', { incidentId: incident.id, runbookId: 'drill-db-failover', variables: {} }));
    const unknown = await host.call('runs.setVariables', { runId: run.id, variables: { PODNAME: 'x' } });
    expect(unknown.ok || unknown.error.issues).toEqual([{ path: 'params.variables.PODNAME', message: 'not a variable of this runbook' }]);
    const empty = await host.call('runs.setVariables', { runId: run.id, variables: { NAMESPACE: '' } });
    expect(empty.ok || empty.error.issues).toEqual([{ path: 'params.variables.NAMESPACE', message: 'needs a value' }]);
  });

  it('records each state with who and when; skipping needs a reason', async () => {
    const incident = await declare();
    const run = ok<RunbookRun>(await host.call('runs.start', { incidentId: incident.id, runbookId: 'drill-db-failover', variables: { ADMIN_TOKEN: 'x' } }));
    ok(await host.call('runs.setItem', { runId: run.id, key: 'step:1', state: 'done' }));
    const refused = await host.call('runs.setItem', { runId: run.id, key: 'step:2', state: 'skipped' });
    expect(refused.ok).toBe(false);
    const after = ok<RunbookRun>(await host.call('runs.setItem', { runId: run.id, key: 'step:2', state: 'skipped', reason: 'jobs already paused by the scheduler' }));
    expect(after.items['step:1']).toMatchObject({ state: 'done', by: expect.any(String), at: expect.stringMatching(/Z$/) });
    expect(after.items['step:2']).toMatchObject({ state: 'skipped', reason: 'jobs already paused by the scheduler' });
    ok(await host.call('runs.setItem', { runId: run.id, key: 'verify:1', state: 'done' }));
    ok(await host.call('runs.setItem', { runId: run.id, key: 'exit:1', state: 'done' }));
    expect((await host.call('runs.setItem', { runId: run.id, key: 'step:9', state: 'done' })).ok).toBe(false);

    const steps = (await timeline(incident)).filter((event) => event.kind === 'runbook_step');
    expect(steps.map((event) => [event.data.key, event.data.state])).toEqual([
      ['step:1', 'done'],
      ['step:2', 'skipped'],
      ['verify:1', 'done'],
      ['exit:1', 'done'],
    ]);
  });

  it('a break-glass step needs the target typed and a reason, and the confirmation is on the timeline', async () => {
    const incident = await declare();
    const run = ok<RunbookRun>(await host.call('runs.start', { incidentId: incident.id, runbookId: 'drill-db-failover', variables: { ADMIN_TOKEN: 'x' } }));
    const unconfirmed = await host.call('runs.setItem', { runId: run.id, key: 'step:3', state: 'running' });
    expect(unconfirmed.ok || unconfirmed.error.message).toMatch(/type "production"/);
    const wrongName = await host.call('runs.setItem', { runId: run.id, key: 'step:3', state: 'running', confirmation: { typedTarget: 'prod', reason: 'failover' } });
    expect(wrongName.ok).toBe(false);
    ok(await host.call('runs.setItem', { runId: run.id, key: 'step:3', state: 'running', confirmation: { typedTarget: 'production', reason: 'primary is unreachable' } }));
    const last = (await timeline(incident)).at(-1)!;
    expect(last.data.confirmation).toEqual({ target: 'production', reason: 'primary is unreachable' });
  });
});
