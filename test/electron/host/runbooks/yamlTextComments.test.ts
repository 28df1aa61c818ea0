// A " #" in a plain YAML value starts a comment, so `description: Post in #incident-response` loads as
// "Post in". Every such comment after a free-text value is a warning at the "#" (line and column): the runbook
// still loads with the problem listed (library, Runbooks screen) and `holdfast runbook lint` fails on it.
// Quoted values, block scalars, whole-line comments and comments after numbers, flags, ids and choices pass.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunbookLibrary } from '../../../../electron/host/runbooks/runbookLibrary';
import { parseYamlRunbook } from '../../../../electron/host/runbooks/yamlRunbook';
import { runInProcess } from '../../../helpers/cliRunner';

const dropped = (cut: string) => `text after " #" is a YAML comment and is dropped (${JSON.stringify(cut)}); quote the value to keep it, or put the comment on a line of its own`;

/** Problems as `line:column: message`, the form the linter prints. */
function problems(text: string): string[] {
  return parseYamlRunbook('r.yaml', text).problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
}

const runbook = (body: string) => `id: a\ntitle: t\n${body}`;

describe('a comment after a plain text value', () => {
  it('is a warning at the "#": the runbook still loads, with the text YAML gives it', () => {
    const text = runbook(`steps:
  - order: 1
    description: Announce the incident in the #incident-response Slack channel.
    expectedOutcome: Message posted in  #incident-response.
`);
    const result = parseYamlRunbook('r.yaml', text);
    expect(result.problems).toEqual([
      { path: 'r.yaml', line: 5, column: 47, message: `steps[0].description: ${dropped('#incident-response Slack channel.')}` },
      { path: 'r.yaml', line: 6, column: 41, message: `steps[0].expectedOutcome: ${dropped('#incident-response.')}` },
    ]);
    expect(result.runbook?.steps[0]?.description).toBe('Announce the incident in the');
  });

  it('is found in every text field, list items and settings included', () => {
    const text = runbook(`scenario: Users see 5xx #errors
severity: SEV-1 #top
tags:
  - db
  - war room #ops
triggers:
  - id: T
    threshold: error rate > 5% #for 10 minutes
variables:
  - name: SLACK_WEBHOOK_URL
    description: Webhook of #incident-response
    default: https://hooks.example.test/x #y
steps:
  - order: 1
    description: d
    command: kubectl get pods #-n prod
    rollbackCommand: echo undo # now
    notes: n #1
    offlineAlternative: call #ops
    reference: r #2
    confirm:
      target: prod
      warning: careful #really
    settings:
      name: build #3
verification:
  - description: v #4
    expected: HTTP 200 #OK
exitCriteria:
  - Error rate below 1% #for 15 minutes
escalation:
  - level: 1
    role: On-call #primary
    responsibilities:
      - triage #first
contacts:
  - role: DBA
    slack: database team #database-oncall
`);
    const found = problems(text);
    // Each position is the "#" itself, as an editor jumping to line:col shows it.
    const lines = text.split('\n');
    for (const problem of found) {
      const [line, column] = problem.split(':').map(Number);
      expect(lines[line! - 1]![column! - 1], problem).toBe('#');
    }
    expect(found.map((problem) => problem.replace(/: text after.*/, ''))).toEqual([
      '3:25: scenario',
      '4:17: severity',
      '7:14: tags[1]',
      '10:32: triggers[0].threshold',
      '13:29: variables[0].description',
      '14:43: variables[0].default',
      '18:31: steps[0].command',
      '19:32: steps[0].rollbackCommand',
      '20:14: steps[0].notes',
      '21:30: steps[0].offlineAlternative',
      '22:18: steps[0].reference',
      '25:24: steps[0].confirm.warning',
      '27:19: steps[0].settings.name',
      '29:20: verification[0].description',
      '30:24: verification[0].expected',
      '32:25: exitCriteria[0]',
      '35:19: escalation[0].role',
      '37:16: escalation[0].responsibilities[0]',
      '40:26: contacts[0].slack',
    ]);
  });

  it('is found on the last line of a value that runs over several lines, and after a tab', () => {
    const text = runbook(`steps:
  - order: 1
    description: Announce the incident
      in the #incident-response channel.
    notes: Post in\t#incident-response
`);
    expect(problems(text)).toEqual([`6:14: steps[0].description: ${dropped('#incident-response channel.')}`, `7:20: steps[0].notes: ${dropped('#incident-response')}`]);
  });

  it('quotes the comment as written, without a CRLF line end, shortened past 40 characters', () => {
    const long = `#${'x'.repeat(60)}`;
    expect(problems(runbook(`steps:\r\n  - order: 1\r\n    description: d #cut\r\n    notes: n ${long}\r\n`))).toEqual([
      `5:20: steps[0].description: ${dropped('#cut')}`,
      `6:14: steps[0].notes: ${dropped(`${long.slice(0, 40)}…`)}`,
    ]);
  });

  it('comes with the other problems of a broken file, in line order, and no runbook', () => {
    const result = parseYamlRunbook('r.yaml', runbook(`steps:\n  - order: 1\n    description: d #cut\n    colour: red\n`));
    expect(result.runbook).toBeUndefined();
    expect(result.problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual(['5:20', '6:5']);
  });
});

describe('what is left alone', () => {
  it('quoted values, block scalars, "#" with no space before it, and whole-line comments', () => {
    const text = `# yaml-language-server: $schema=../resources/schemas/runbook.schema.json
# A whole-line comment, written on purpose.
id: a
title: "Post in #incident-response" # a comment after a quoted value keeps the value whole
scenario: 'Single #quoted'
steps:
  # --- Phase 1 ---
  - order: 1
    description: Issue#42 and C# and https://example.test/#anchor
    command: |  # a comment on the block header
      curl -X POST --data '{"text":"War room: #incident-response"}' \\
        "$SLACK_WEBHOOK_URL"  # a shell comment, part of the command
    notes: >-
      Folded text with #incident-response
      # and a line that looks like a comment
    # a comment between fields
    expectedOutcome: Posted.
  # a comment between steps
`;
    expect(problems(text)).toEqual([]);
    const loaded = parseYamlRunbook('r.yaml', text).runbook!;
    expect(loaded.title).toBe('Post in #incident-response');
    expect(loaded.steps[0]!.notes).toBe('Folded text with #incident-response # and a line that looks like a comment');
  });

  it('comments after numbers, flags, ids, variable names and choices: they cut no text', () => {
    const text = `id: a # the file's name
title: t
variables:
  - name: NAMESPACE # Kubernetes
    secret: false # shown
steps:
  - order: 1 # first
    description: d
    requires: [network, kubectl] # both
    expect:
      exitCode: 0 # success
  - order: 2
    description: e
    requires:
      - network # for curl
escalation:
  - level: 1 # first
    role: r
    timeLimitMinutes: 15 # then level 2
`;
    expect(problems(text)).toEqual([]);
  });

  it('an empty value followed by a comment is the schema problem it always was, not a second one', () => {
    expect(problems(runbook(`steps:\n  - order: 1\n    description: d\ncontacts:\n  - role: r\n    slack: #database-oncall\n`))).toEqual([
      '8:5: contacts[0].slack: must be text, not empty (" #" starts a YAML comment; quote the value: slack: "#database-oncall")',
    ]);
  });

  it('comments inside fields the schema does not know (reported as unknown, once)', () => {
    expect(problems(runbook(`steps:\n  - order: 1\n    description: d\n    extra:\n      deep: a #b\n`))).toEqual(['6:5: steps[0].extra: unknown field (allowed here: order, description, command, expectedOutcome, rollbackProcedure, rollbackCommand, notes, requires, offlineAlternative, expect, confirm, reference, settings)']);
  });
});

describe('where authors see it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'holdfast-cut-comments-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const path = join(folder, 'announce.yaml');
  writeFileSync(path, runbook(`steps:\n  - order: 1\n    description: Announce it in the #incident-response channel.\n`));

  it('holdfast runbook lint prints path:line:col and exits 1', async () => {
    const result = await runInProcess('runbook', 'lint', folder);
    expect(result.stdout).toBe(`${path}:5:37: steps[0].description: ${dropped('#incident-response channel.')}\n`);
    expect(result.stderr).toBe('checked 1 runbook file: 1 problem in 1 file\n');
    expect(result.code).toBe(1);
  });

  it('the library lists the runbook and reports the problem for the Runbooks screen', () => {
    const library = new RunbookLibrary(() => [{ path: folder, origin: 'user' }]);
    expect(library.list().map((summary) => summary.id)).toEqual(['a']);
    expect(library.problems()).toEqual([{ path, origin: 'user', problems: [{ path, line: 5, column: 37, message: `steps[0].description: ${dropped('#incident-response channel.')}` }] }]);
  });
});
