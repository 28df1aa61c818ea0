// What the responder typed that no runbook in use holds: listed once per command with how often it ran and
// how it last ended; runbook commands (as written, as substituted for a run, however they were spaced or
// continued), runbook-sourced runs and housekeeping are left out; user runbooks are offered as targets.
import { describe, expect, it } from 'vitest';
import type { LibraryRunbook, RunbookRun, RunbookStep, TimelineEvent } from '../../../../electron/contract';
import { untrackedCommands } from '../../../../electron/host/terminal/untrackedCommands';

let seq = 0;
/** A command_run event as the terminal records it; `minute` orders them. */
function commandRun(commandLine: string, data: Record<string, unknown> = {}, minute = ++seq): TimelineEvent {
  return {
    id: `event-${seq}`,
    incidentId: 'incident-1',
    seq,
    kind: 'command_run',
    occurredAt: `2026-03-01T14:${String(minute).padStart(2, '0')}:00.000Z`,
    author: 'Ana Ops',
    deviceId: 'device-1',
    data: { commandLine, exitCode: 0, cwd: '/home/ana', source: 'typed', terminal: 'bash 1', ...data },
    prevHash: '',
    hash: '',
  };
}

function runbook(id: string, steps: Partial<RunbookStep>[], source: Partial<LibraryRunbook['source']> = {}, extra: Partial<LibraryRunbook> = {}): LibraryRunbook {
  return {
    id,
    title: `Runbook ${id}`,
    steps: steps.map((step, index) => ({ order: index + 1, description: `step ${index + 1}`, ...step })),
    source: { path: `/runbooks/${id}.yaml`, format: 'yaml', origin: 'user', sha256: 'x'.repeat(64), ...source },
    ...extra,
  };
}

function run(of: LibraryRunbook, variables: Record<string, string>): RunbookRun {
  return { id: `run-${of.id}`, incidentId: 'incident-1', runbookId: of.id, runbook: of, variables, startedAt: '2026-03-01T14:00:00.000Z', startedBy: 'Ana Ops', items: {} };
}

const lines = (found: ReturnType<typeof untrackedCommands>) => found.map((command) => command.commandLine);

describe('untrackedCommands', () => {
  it('lists each typed command once, with its run count and how and where it last ran', () => {
    const timeline = [
      commandRun('kubectl top pods -n prod', { exitCode: 0, cwd: '/home/ana' }),
      commandRun('psql -c "select 1"', { exitCode: 2, cwd: '/srv' }),
      commandRun('kubectl top pods -n prod', { exitCode: 1, cwd: '/tmp' }),
      commandRun('  kubectl   top pods -n prod ', { exitCode: 137, cwd: '/var/log' }),
    ];
    const found = untrackedCommands(timeline, [], []);
    expect(found).toEqual([
      { commandLine: 'kubectl top pods -n prod', runs: 3, lastRunAt: timeline[3]!.occurredAt, lastExitCode: 137, cwd: '/var/log', targets: [] },
      { commandLine: 'psql -c "select 1"', runs: 1, lastRunAt: timeline[1]!.occurredAt, lastExitCode: 2, cwd: '/srv', targets: [] },
    ]);
  });

  it('says "unknown" (null) for an exit code or directory the shell did not report', () => {
    const [found] = untrackedCommands([commandRun('make deploy', { exitCode: null, cwd: undefined })], [], []);
    expect(found).toMatchObject({ commandLine: 'make deploy', lastExitCode: null, cwd: null });
  });

  it('leaves out commands a step holds: as written, spaced or continued differently, or as one line of it', () => {
    const inUse = runbook('db', [
      { command: 'kubectl get pods -n prod' },
      { command: 'kubectl rollout restart \\\n  deployment/api -n prod' },
      { command: 'kubectl logs deploy/api --tail=100\nkubectl describe deploy/api' },
      { command: 'helm upgrade api ./chart', rollbackCommand: 'helm rollback api' },
    ]);
    const timeline = [
      commandRun('kubectl get pods -n prod'),
      commandRun('kubectl  get   pods -n prod'),
      commandRun('kubectl rollout restart deployment/api -n prod'),
      commandRun('kubectl rollout restart \\\n  deployment/api -n prod'),
      commandRun('kubectl describe deploy/api'),
      commandRun('helm rollback api'),
      commandRun('kubectl get pods -n staging'),
    ];
    expect(lines(untrackedCommands(timeline, [inUse], []))).toEqual(['kubectl get pods -n staging']);
  });

  it('leaves out a verification command of a runbook in use', () => {
    const inUse = runbook('api', [{ command: 'kubectl get pods' }], {}, { verification: [{ description: 'healthy', command: 'curl -fsS https://api/health' }] });
    expect(untrackedCommands([commandRun('curl -fsS https://api/health')], [inUse], [])).toEqual([]);
  });

  it("leaves out a step command typed with a run's variable values in place", () => {
    const inUse = runbook('db', [{ command: 'kubectl -n $NAMESPACE exec ${POD} -- psql -c "select 1"' }]);
    const runs = [run(inUse, { NAMESPACE: 'web3-prod', POD: 'postgres-0' })];
    const timeline = [commandRun('kubectl -n web3-prod exec postgres-0 -- psql -c "select 1"'), commandRun('kubectl -n other exec postgres-0 -- psql -c "select 1"')];
    expect(lines(untrackedCommands(timeline, [inUse], runs))).toEqual(['kubectl -n other exec postgres-0 -- psql -c "select 1"']);
    // Another runbook's run does not substitute into this one's steps.
    const elsewhere = run(runbook('other', [{ command: 'true' }]), { NAMESPACE: 'web3-prod', POD: 'postgres-0' });
    expect(untrackedCommands(timeline.slice(0, 1), [inUse], [elsewhere])).toHaveLength(1);
  });

  it('leaves out commands a runbook step sent to the terminal, and other kinds of events', () => {
    const note: TimelineEvent = { ...commandRun('ignored'), kind: 'note', data: { text: 'kubectl delete pod x' } };
    const timeline = [
      commandRun('kubectl delete pod api-0', { source: 'runbook', runId: 'run-1', stepKey: 'step:2' }),
      commandRun('', {}),
      { ...commandRun('x'), data: { capture: 'unavailable', reason: 'fish has no Holdfast integration' } },
      note,
    ];
    expect(untrackedCommands(timeline, [], [])).toEqual([]);
  });

  it('leaves out navigation and housekeeping, but not commands that merely start with the same letters', () => {
    const housekeeping = ['cd /var/log', 'cd', 'ls -la', 'll', 'pwd', 'clear', 'reset', 'exit', 'history', 'true'];
    const timeline = [...housekeeping, 'lsof -i :5432', 'clearcache --all', 'cdk deploy'].map((line) => commandRun(line));
    expect(lines(untrackedCommands(timeline, [], []))).toEqual(['lsof -i :5432', 'clearcache --all', 'cdk deploy']);
  });

  it("offers the user's runbooks in use as targets, with their format, and never a built-in one", () => {
    const team = runbook('team-db', [{ command: 'a' }], { format: 'markdown', path: '/team/db.md' });
    const shipped = runbook('database-issues', [{ command: 'b' }], { origin: 'built-in' });
    const mine = runbook('mine', [{ command: 'c' }]);
    const [found] = untrackedCommands([commandRun('vacuumdb --analyze')], [team, shipped, mine], []);
    expect(found!.targets).toEqual([
      { runbookId: 'team-db', title: 'Runbook team-db', format: 'markdown' },
      { runbookId: 'mine', title: 'Runbook mine', format: 'yaml' },
    ]);
  });
});
