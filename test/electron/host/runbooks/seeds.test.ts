// The user's four real runbooks (/work/shared/seeds, next to the repository) import without edits: the
// step counts, the commands a responder would recognise, and what the documents say around them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../../../electron/contract/runbooks';
import { extractEmbeddedRunbooks, importMarkdownRunbook } from '../../../../electron/host/runbooks/markdownImport';

const seedsDir = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));

function seed(prefix: string): { path: string; content: string } {
  if (!existsSync(seedsDir)) throw new Error(`seed runbooks not found at ${seedsDir}: check out ../shared/seeds next to the repository (CI has it)`);
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed starting with "${prefix}" in ${seedsDir}`);
  const path = seedsDir + name;
  return { path, content: readFileSync(path, 'utf8') };
}

function importSeed(prefix: string): { runbook: Runbook; problems: ReturnType<typeof importMarkdownRunbook>['problems'] } {
  const { path, content } = seed(prefix);
  const { runbook, problems } = importMarkdownRunbook(path, content);
  if (!runbook) throw new Error(`seed ${prefix} did not import: ${JSON.stringify(problems)}`);
  return { runbook, problems };
}

const withCommands = (runbook: Runbook) => runbook.steps.filter((step) => step.command);
/** Every command line of the runbook, trimmed, so assertions name exactly what a responder would type. */
const commandLines = (runbook: Runbook) => withCommands(runbook).flatMap((step) => (step.command ?? '').split('\n').map((line) => line.trim()));

describe('seed 000: gate-critical incident runbook (numbered actions, trigger matrix, no code)', () => {
  const { runbook, problems } = importSeed('000_');

  it('imports every numbered action as a step, none with a command', () => {
    expect(problems).toEqual([]);
    expect(runbook.title).toBe('WP07 Incident Readiness Runbook for Gate-Critical Failures');
    expect(runbook.steps).toHaveLength(22);
    expect(withCommands(runbook)).toHaveLength(0);
    expect(runbook.steps.map((step) => step.order)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('keeps the actions with their scenario', () => {
    expect(runbook.steps[0]?.description).toBe('Common Response Protocol: Acknowledge alert and assign `incident_commander` within 5 minutes.');
    expect(runbook.steps[7]?.description).toBe('Scenario A › Actions: Confirm current flag state per environment (`ON/OFF/UNAVAILABLE`).');
    expect(runbook.steps[12]?.description).toBe('Scenario B › Actions: Identify top deny reason and affected endpoints.');
    expect(runbook.steps[21]?.description).toBe('Scenario C › Actions: Capture before/after evidence and rerun critical tests.');
    // The detection baseline before a scenario's actions travels with its first action.
    expect(runbook.steps[7]?.reference).toContain('Deny ratio > 80% for 5 minutes, and');
  });

  it('reads the trigger matrix and the exit criteria', () => {
    expect(runbook.triggers?.map((trigger) => trigger.id)).toEqual(['INC-FLAG-OUTAGE', 'INC-DENY-SPIKE', 'INC-TRACKING-PAYMENT-PATTERN']);
    expect(runbook.triggers?.[0]).toMatchObject({ severity: 'SEV-1', description: 'Mass deny caused by `marketplace_disabled` or `flag_unavailable`' });
    expect(runbook.exitCriteria).toHaveLength(6);
    expect(runbook.exitCriteria?.[0]).toBe('Scenario A › Exit Criteria: Deny ratio returns below 20% for 10 consecutive minutes.');
  });
});

describe('seed 001: story with embedded YAML runbooks', () => {
  const { path, content } = seed('001_');

  it('extracts the two embedded runbooks, reporting the Slack channel YAML read as a comment', () => {
    const embedded = extractEmbeddedRunbooks(content, path);
    expect(embedded.map((e) => [e.line, e.runbook?.id, e.runbook?.steps.length])).toEqual([
      [78, 'database-outage', 6],
      [157, 'payment-failure', 5],
    ]);
    expect(embedded[0]?.runbook?.steps[0]?.command).toContain('psql $DATABASE_URL -c "SELECT 1"');
    expect(embedded[0]?.problems).toEqual([{ path, line: 148, column: 5, message: expect.stringContaining('contacts.0.slack has no value') }]);
    expect(embedded[1]?.problems).toEqual([]);
  });

  it('imports the story with the embedded runbooks expanded in place', () => {
    const { runbook, problems } = importSeed('001_');
    expect(problems.map((problem) => problem.line)).toEqual([148]);
    expect(runbook.steps).toHaveLength(44);
    expect(withCommands(runbook)).toHaveLength(11);
    expect(commandLines(runbook)).toContain('psql $DATABASE_URL -c "SELECT 1"');
    expect(commandLines(runbook)).toContain('vercel env add READONLY_MODE true');
    expect(runbook.steps[15]).toMatchObject({ description: 'Database Connection Failure › Verify the database outage', expectedOutcome: 'Connection failure or timeout' });
    expect(runbook.steps[5]?.description).toBe('Story 4.10 › Development Tasks: Create incident response framework');
    expect(runbook.verification?.map((check) => check.description)).toContain('Database Connection Failure › Verify database connectivity');
    expect(runbook.contacts?.map((contact) => contact.role)).toEqual(['Database Admin', 'Provider Support']);
  });
});

describe('seed 002: incident runbook with bold "Step N" paragraphs and an escalation path', () => {
  const { runbook, problems } = importSeed('002_');

  it('imports bold steps, numbered solutions and checklists; only the git block is a command', () => {
    expect(problems).toEqual([]);
    expect(runbook.steps).toHaveLength(49);
    expect(withCommands(runbook)).toHaveLength(1);
    expect(withCommands(runbook)[0]).toMatchObject({
      description: 'Rollback Strategy › Code Rollback (Only If Config Insufficient): Revert Code',
      command: 'git revert <commit-hash>\n# OR\ngit reset --hard <commit-hash>',
      settings: { excludeFromRunAll: true },
    });
    expect(commandLines(runbook)).toContain('git revert <commit-hash>');
  });

  it('keeps comment-only and YAML blocks as reference of their step', () => {
    expect(runbook.steps[0]).toMatchObject({ description: 'Immediate Actions › SEV0: Critical (Funds/Ledger) › Disable New Pilot Deals', reference: expect.stringContaining('enabled: false') });
    expect(runbook.steps[1]).not.toHaveProperty('command');
    expect(runbook.steps[1]?.reference).toContain('# Export timelines for affected deals');
    expect(runbook.steps[20]?.description).toBe('Common Incidents & Solutions › Incident 1: Duplicate Ledger Entries › Disable pilot (SEV0)');
  });

  it('reads the escalation levels', () => {
    expect(runbook.escalation?.map((level) => [level.level, level.role])).toEqual([
      [1, 'Operator'],
      [2, 'On-Call Engineer'],
      [3, 'Pilot Coordinator'],
      [4, 'Decision Owner'],
    ]);
    expect(runbook.escalation?.[0]?.criteria).toContain('Cannot resolve within 15 minutes (SEV0) or 1 hour (SEV1)');
  });
});

describe('seed 003: playbook of headings with bash blocks', () => {
  const { runbook, problems } = importSeed('003_');

  it('makes each heading with a bash block a step; prose-only blocks run nothing', () => {
    expect(problems).toEqual([]);
    expect(runbook.steps).toHaveLength(22);
    expect(withCommands(runbook)).toHaveLength(14);
    expect(runbook.steps[0]).toMatchObject({ description: 'Phase 1 › 1.1 Incident Detection', reference: expect.stringContaining('- Monitoring alerts') });
    expect(runbook.steps[0]).not.toHaveProperty('command');
    expect(runbook.steps[2]?.description).toBe('Phase 1 › 1.3 Immediate Actions');
    expect(runbook.steps[2]).not.toHaveProperty('command');
  });

  it('carries the commands a responder would recognise', () => {
    const lines = commandLines(runbook);
    expect(lines).toContain('kubectl get pods -n web3-marketplace-prod');
    expect(lines).toContain('kubectl rollout undo deployment/backend-deployment -n web3-marketplace-prod');
    expect(lines).toContain('kubectl exec -n web3-marketplace-prod statefulset/redis-master -- redis-cli FLUSHDB');
    expect(runbook.steps[3]).toMatchObject({ description: 'Phase 2 › 2.1 System Health Check', command: expect.stringContaining('./scripts/monitoring/health-check.sh') });
    expect(runbook.steps[7]?.description).toBe('3.1 Immediate Mitigation Strategies › Service Outage');
    // Prose bullets in a mixed block stay readable but cannot run.
    expect(lines).toContain('# - Alert timestamps');
    expect(lines.some((line) => line.startsWith('- '))).toBe(false);
  });
});
