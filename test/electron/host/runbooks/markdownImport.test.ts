// Markdown runbooks as teams write them, one rule per case: front matter, lists and checklists, bold
// "Step N" paragraphs, heading + shell block, Runme fence settings, console transcripts, prose in bash
// blocks, tables as reference, embedded YAML runbooks, and the failure modes (no steps, bad YAML, huge files).
import { describe, expect, it } from 'vitest';
import { runbookSchema, type Runbook } from '../../../../electron/contract/runbooks';
import { extractEmbeddedRunbooks, importMarkdownRunbook } from '../../../../electron/host/runbooks/markdownImport';

const md = (...lines: string[]) => lines.join('\n') + '\n';

function importOk(content: string, path = '/runbooks/db-failover.md'): Runbook {
  const result = importMarkdownRunbook(path, content);
  expect(result.problems).toEqual([]);
  if (!result.runbook) throw new Error('no runbook');
  expect(runbookSchema.parse(result.runbook)).toEqual(result.runbook);
  return result.runbook;
}

describe('front matter', () => {
  it('maps YAML front matter to metadata, with Runme tag strings', () => {
    const runbook = importOk(
      md('---', 'id: db-failover', 'title: Fail over the DB', 'description: Primary is down', 'severity: SEV1', 'tag: db, prod', 'triggers:', '  - ALERT-DB-DOWN', '  - { id: ALERT-LAG, threshold: lag > 30s }', '---', '', '1. Check the primary'),
    );
    expect(runbook).toMatchObject({ id: 'db-failover', title: 'Fail over the DB', scenario: 'Primary is down', severity: 'SEV1', tags: ['db', 'prod'] });
    expect(runbook.triggers).toEqual([{ id: 'ALERT-DB-DOWN' }, { id: 'ALERT-LAG', threshold: 'lag > 30s' }]);
  });

  it('reads JSON front matter and TOML +++ front matter', () => {
    expect(importOk(md('---', '{"id": "json-rb", "title": "From JSON", "tags": ["a", "b"]}', '---', '1. Go')).tags).toEqual(['a', 'b']);
    const toml = importOk(md('+++', 'id = "toml-rb"', 'title = "From TOML"', 'category = "ops"', '[params]', '+++', '1. Go'));
    expect(toml).toMatchObject({ id: 'toml-rb', title: 'From TOML', tags: ['ops'] });
  });

  it('falls back to the file name for the id and the first H1 (else the file name) for the title', () => {
    expect(importOk(md('# Restart the API', '', '1. Restart'), '/x/Restart API.md')).toMatchObject({ id: 'restart-api', title: 'Restart the API' });
    expect(importOk(md('1. Restart'), '/x/restart-api.markdown')).toMatchObject({ id: 'restart-api', title: 'restart-api' });
  });

  it('reports a bad id and bad YAML with positions, and still imports the steps', () => {
    const badId = importMarkdownRunbook('/x/a.md', md('---', 'id: "has spaces"', '---', '1. Go'));
    expect(badId.runbook?.id).toBe('a');
    expect(badId.problems[0]?.message).toMatch(/front matter id "has spaces"/);
    const badYaml = importMarkdownRunbook('/x/a.md', md('---', 'title: ok', 'tags: [a', '---', '1. Go'));
    expect(badYaml.runbook?.steps).toHaveLength(1);
    expect(badYaml.problems[0]).toMatchObject({ path: '/x/a.md', line: 3, message: expect.stringMatching(/front matter is not valid YAML/) });
  });

  it('treats a leading rule followed by prose as a rule, not front matter', () => {
    expect(importOk(md('---', '', 'Just prose here.', '', '---', '1. Go')).scenario).toBe('Just prose here.');
  });
});

describe('steps', () => {
  it('numbers ordered-list items 1..n in document order and prefixes their section path', () => {
    const runbook = importOk(md('# Title', '## Scenario A: Flag outage', '### Actions', '1. Confirm flag state.', '2. Check sync time.', '## Wrap-up', '3. Close the incident.'));
    expect(runbook.steps.map((s) => [s.order, s.description])).toEqual([
      [1, 'Scenario A › Actions: Confirm flag state.'],
      [2, 'Scenario A › Actions: Check sync time.'],
      [3, 'Wrap-up: Close the incident.'],
    ]);
  });

  it('turns checklists into steps and keeps plain bullet lists as reference', () => {
    const runbook = importOk(md('## Checks', '- Dashboards are green', '- Nobody paged', '', '## Do', '- [ ] Drain the node', '- [x] Cordon it'));
    expect(runbook.steps.map((s) => s.description)).toEqual(['Do: Drain the node', 'Do: Cordon it']);
    expect(importOk(md('## Checks', '- note', '1. Go')).steps[0]?.reference).toBe('- note');
  });

  it('treats an entirely bold "Step N" paragraph as a step and keeps what follows as its reference', () => {
    const runbook = importOk(md('## Rollback', '**Step 1: Disable the flag**', '- no deploy needed', '', '**Step 2: Revert Code**', '```bash', 'git revert <commit-hash>', '```', '', '**Note**: not a step'));
    expect(runbook.steps.map((s) => s.description)).toEqual(['Rollback: Disable the flag', 'Rollback: Revert Code']);
    expect(runbook.steps[0]?.reference).toBe('- no deploy needed');
    expect(runbook.steps[1]).toMatchObject({ command: 'git revert <commit-hash>', reference: '**Note**: not a step' });
  });

  it('makes a heading whose body is a shell block one step titled by the heading', () => {
    const runbook = importOk(md('# Playbook', '## Phase 2: Diagnosis', '#### 2.1 System Health Check', '```bash', 'kubectl get pods -n prod', '```', '#### 2.2 Logs', '```sh', 'kubectl logs deploy/api', '```'));
    expect(runbook.steps).toMatchObject([
      { order: 1, description: 'Phase 2 › 2.1 System Health Check', command: 'kubectl get pods -n prod' },
      { order: 2, description: 'Phase 2 › 2.2 Logs', command: 'kubectl logs deploy/api' },
    ]);
  });

  it('titles a block by the paragraph before it when that ends with a colon', () => {
    const runbook = importOk(md('## Mitigation', 'Scale up the API first:', '```bash', 'kubectl scale deploy/api --replicas=6', '```', 'Then restart the workers:', '```bash', 'kubectl rollout restart deploy/worker', '```'));
    expect(runbook.steps.map((s) => [s.description, s.command])).toEqual([
      ['Mitigation: Scale up the API first', 'kubectl scale deploy/api --replicas=6'],
      ['Mitigation: Then restart the workers', 'kubectl rollout restart deploy/worker'],
    ]);
  });

  it('attaches fences inside a list item, or right after it, to that item', () => {
    const runbook = importOk(md('1. Check pods', '   ```bash', '   kubectl get pods', '   ```', '2. Restart', '', '```bash', 'kubectl rollout restart deploy/api', '```'));
    expect(runbook.steps.map((s) => s.command)).toEqual(['kubectl get pods', 'kubectl rollout restart deploy/api']);
  });

  it('keeps tables and prose under a step as Markdown reference text', () => {
    const table = ['| checkpoint | max_delay |', '|---|---|', '| Declared | 10 minutes |'];
    const runbook = importOk(md('1. Post an update', '', ...table, '', 'Use the template.'));
    expect(runbook.steps[0]?.reference).toBe([...table, '', 'Use the template.'].join('\n'));
  });

  it('gives a step the context of an earlier sibling section (detection baseline before actions)', () => {
    const runbook = importOk(md('# T', '## Scenario A', '### Detection Baseline', '- Deny ratio > 80%', '### Actions', '1. Confirm', '## Scenario B', '### Actions', '1. Identify'));
    expect(runbook.steps.map((s) => s.reference)).toEqual(['- Deny ratio > 80%', undefined]);
  });

  it('collects exit criteria, trigger tables and escalation levels', () => {
    const runbook = importOk(
      md('# T', '## Trigger Matrix', '| incident_id | trigger | severity default |', '|---|---|---|', '| `INC-X` | Mass deny | SEV-1 |', '## Scenario A: X', '### Actions', '1. Fix', '### Exit Criteria', '- Deny ratio < 20%.', '## Escalation Path', '### Level 1: Operator', '**Responsibilities**:', '- Assess', '', '**Escalation Criteria**:', '- SEV0'),
    );
    expect(runbook.triggers).toEqual([{ id: 'INC-X', severity: 'SEV-1', description: 'Mass deny' }]);
    expect(runbook.exitCriteria).toEqual(['Scenario A › Exit Criteria: Deny ratio < 20%.']);
    expect(runbook.escalation).toEqual([{ level: 1, role: 'Operator', responsibilities: ['Assess'], criteria: ['SEV0'] }]);
  });

  it('reports "no steps found" with a hint when nothing is a step', () => {
    const result = importMarkdownRunbook('/x/notes.md', md('# Notes', 'Just prose.', '- a bullet', '```yaml', 'a: 1', '```'));
    expect(result.runbook).toBeUndefined();
    expect(result.problems).toEqual([{ path: '/x/notes.md', line: 1, column: 1, message: expect.stringMatching(/^no steps found: .*ordered list.*headings/) }]);
  });
});

describe('commands', () => {
  const commandOf = (fence: string[]) => importMarkdownRunbook('/x/a.md', md('## Run', ...fence)).runbook?.steps[0]?.command;

  it('keeps only $-prompt lines of console blocks, without the prompt, and drops output', () => {
    expect(commandOf(['```console', '$ kubectl get pods \\', '>   -n prod', 'NAME   READY', 'api-1  1/1', '$ echo done', 'done', '```'])).toBe('kubectl get pods \\\n  -n prod\necho done');
  });

  it('strips Runme "### " lines and keeps comment lines', () => {
    expect(commandOf(['```sh', '### Restart the API', '# harmless comment', 'kubectl rollout restart deploy/api', '```'])).toBe('# harmless comment\nkubectl rollout restart deploy/api');
  });

  it('reads Runme settings in the legacy and the JSON form; ignore=true is not a command', () => {
    const runbook = importOk(
      md('1. A', '```sh { name=restart interactive=false cwd=ops }', 'make restart', '```', '2. B', '```sh {"name":"check","excludeFromRunAll":"true","terminalRows":"20"}', 'make check', '```', '3. C', '```sh { ignore=true }', 'rm -rf /tmp/x', '```'),
    );
    expect(runbook.steps[0]?.settings).toEqual({ name: 'restart', interactive: false, cwd: 'ops' });
    expect(runbook.steps[1]?.settings).toEqual({ name: 'check', excludeFromRunAll: true, terminalRows: 20 });
    expect(runbook.steps[2]).not.toHaveProperty('command');
    expect(runbook.steps[2]?.reference).toBe('```sh { ignore=true }\nrm -rf /tmp/x\n```');
  });

  it('maps expect and confirm attributes, and resolves a block cwd against the document cwd', () => {
    const runbook = importOk(md('---', 'cwd: /srv/app', '---', '1. Check', '```sh {"expect":{"exit":0,"stdout":"/Running/"},"confirm":"prod","cwd":"k8s"}', 'kubectl get pods', '```'));
    expect(runbook.steps[0]).toMatchObject({ expect: { exitCode: 0, output: 'Running' }, confirm: { target: 'prod' }, settings: { cwd: '/srv/app/k8s' } });
  });

  it('treats yaml, json and typescript blocks as reference, never as commands', () => {
    const runbook = importOk(md('1. Set the flag', '```yaml', 'pilot:', '  enabled: false', '```', '```typescript', 'const x = 1;', '```'));
    expect(runbook.steps[0]?.command).toBeUndefined();
    expect(runbook.steps[0]?.reference).toContain('```yaml');
  });

  it('accepts untagged blocks only when every line is a known command', () => {
    expect(commandOf(['```', '# check', 'kubectl get pods', 'curl -f https://x/health', '```'])).toBe('# check\nkubectl get pods\ncurl -f https://x/health');
    expect(commandOf(['```', 'Subject: [SEV-1] INCIDENT', 'We are investigating.', '```'])).toBeUndefined();
    expect(commandOf(['```', '$ uptime', ' 10:00 up 3 days', '```'])).toBe('uptime');
  });

  it('does not run prose written in bash blocks, and comments it out in mixed blocks', () => {
    expect(commandOf(['```bash', '# Quick checklist', '□ Confirm incident is real', '1. Acknowledge alert', '- User reports', '```'])).toBeUndefined();
    expect(commandOf(['```bash', '# Only comments', '# nothing to run', '```'])).toBeUndefined();
    expect(commandOf(['```bash', '# Collect', '- Alert timestamps', '', 'kubectl logs deploy/api > api.txt', '```'])).toBe('# Collect\n# - Alert timestamps\n\nkubectl logs deploy/api > api.txt');
  });

  it('keeps multi-line quoted SQL and messages with their command', () => {
    const sql = ['kubectl exec pg -- \\', '  psql -c "', '    SELECT state, count(*)', '    FROM pg_stat_activity;"', 'echo "Status: Investigating', 'ETA: TBD" | mail -s x a@b.c'];
    expect(commandOf(['```bash', ...sql, '```'])).toBe(sql.join('\n'));
  });

  it('keeps "# OR" alternatives out of run-all and says why', () => {
    const step = importOk(md('1. Revert', '```bash', 'git revert <commit-hash>', '# OR', 'git reset --hard <commit-hash>', '```')).steps[0];
    expect(step).toMatchObject({ settings: { excludeFromRunAll: true }, notes: expect.stringMatching(/alternatives/) });
  });
});

describe('embedded YAML runbooks', () => {
  const story = md(
    '# Story',
    '#### Runbook: Database Outage',
    '```yaml',
    'id: database-outage',
    'title: Database Connection Failure',
    'steps:',
    '  - order: 1',
    '    description: Verify the outage',
    '    command: psql $DATABASE_URL -c "SELECT 1"',
    'contacts:',
    '  - role: DBA',
    '    slack: #database-oncall',
    '```',
    '```yaml',
    'just: config',
    '```',
  );

  it('extracts fenced runbooks, validated, with positions for values YAML swallowed as comments', () => {
    const [embedded, ...rest] = extractEmbeddedRunbooks(story, '/x/story.md');
    expect(rest).toEqual([]);
    expect(embedded?.line).toBe(3);
    expect(embedded?.runbook).toMatchObject({ id: 'database-outage', contacts: [{ role: 'DBA' }] });
    expect(embedded?.problems).toEqual([{ path: '/x/story.md', line: 12, column: 5, message: expect.stringContaining('contacts.0.slack has no value') }]);
  });

  it('expands them in place when the document itself is imported', () => {
    const result = importMarkdownRunbook('/x/story.md', story);
    expect(result.runbook?.steps).toMatchObject([{ order: 1, description: 'Database Connection Failure › Verify the outage', command: 'psql $DATABASE_URL -c "SELECT 1"' }]);
    expect(result.problems).toHaveLength(1);
  });

  it('reports an embedded runbook that is not valid against the schema', () => {
    const [embedded] = extractEmbeddedRunbooks(md('```yaml', 'id: x', 'title: X', 'steps:', '  - order: 1', '    descripton: typo', '```'));
    expect(embedded?.runbook).toBeUndefined();
    expect(embedded?.problems.map((p) => p.line)).toContain(6);
  });
});

describe('robustness', () => {
  it('never throws, whatever the input', () => {
    for (const input of ['', '\u0000\u0001', '---\n', '```', '+++\n+++\n', '1.'.repeat(1000), '>'.repeat(5000) + ' 1. x']) {
      expect(() => importMarkdownRunbook('/x/odd.md', input)).not.toThrow();
    }
  });

  // How fast is the bench's business (npm run bench runbookLint), not a timed assertion's.
  it('imports a 5 MB runbook whole', () => {
    const section = md('## Service %', 'Some prose about the service.', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '1. Check it', '   ```bash', '   kubectl get pods -n prod', '   ```', '- [ ] Confirm');
    const content = Array.from({ length: Math.ceil((5 * 1024 * 1024) / section.length) }, (_, i) => section.replace('%', String(i))).join('\n');
    const result = importMarkdownRunbook('/x/big.md', content);
    expect(result.runbook?.steps.length).toBeGreaterThan(50_000);
  });
});
