// Native YAML runbooks: a valid file gives the normalised runbook; every kind of mistake gives a problem
// at the exact line and column an author would fix (unknown field → its key, wrong type → its value,
// missing field → the mapping that lacks it), and the YAML we write reads back as the same runbook.
import { describe, expect, it } from 'vitest';
import { formatYamlRunbook, maxProblems, parseYamlRunbook } from '../../../../electron/host/runbooks/yamlRunbook';

const valid = `# yaml-language-server: $schema=../resources/schemas/runbook.schema.json
id: database-outage
title: Database connection failure
scenario: Primary database is unreachable or returning errors
severity: P1
triggers:
  - id: DB-DOWN
    severity: SEV1
variables:
  - name: DATABASE_URL
    secret: true
steps:
  - order: 1
    description: Verify the outage
    command: |
      curl -f https://status.example.test/health | jq '.checks.database'
      psql "$DATABASE_URL" -c 'SELECT 1'
    expectedOutcome: Connection failure or timeout
  - order: 2
    description: Enable read-only mode
    command: vercel env add READONLY_MODE true
    requires: [network]
    offlineAlternative: Ask the platform lead to flip the flag from the admin console
contacts:
  - role: Database admin
    slack: "#database-oncall"
`;

/** Problems as `line:column: message`, the form the linter prints. */
function problems(text: string): string[] {
  return parseYamlRunbook('r.yaml', text).problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
}

const minimal = (steps: string) => `id: a\ntitle: t\nsteps:\n${steps}`;

describe('parseYamlRunbook: valid files', () => {
  it('gives the runbook of a valid file, with the yaml-language-server comment allowed, and no problems', () => {
    const parsed = parseYamlRunbook('database-outage.yaml', valid);
    expect(parsed.problems).toEqual([]);
    expect(parsed.runbook?.id).toBe('database-outage');
    expect(parsed.runbook?.steps.map((step) => step.order)).toEqual([1, 2]);
    expect(parsed.runbook?.steps[0]?.command).toBe(`curl -f https://status.example.test/health | jq '.checks.database'\npsql "$DATABASE_URL" -c 'SELECT 1'\n`);
    expect(parsed.runbook?.variables?.[0]).toEqual({ name: 'DATABASE_URL', secret: true });
    expect(parsed.runbook?.steps[1]?.requires).toEqual(['network']);
  });

  it('normalises text (trimmed titles) and accepts steps listed out of order', () => {
    const parsed = parseYamlRunbook('r.yaml', 'id: a\ntitle: "  Padded  "\nsteps:\n  - order: 3\n    description: c\n  - order: 1\n    description: a\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.runbook?.title).toBe('Padded');
  });

  it('ignores a byte-order mark and CRLF line ends when counting lines and columns', () => {
    expect(problems('\uFEFFid: a\r\ntitle: t\r\nbogus: 1\r\nsteps: [{order: 1, description: d}]\r\n')).toEqual([expect.stringMatching(/^3:1: bogus: unknown field/)]);
  });
});

describe('parseYamlRunbook: malformed YAML', () => {
  it('reports syntax errors where the parser found them', () => {
    expect(problems('id: a\ntitle: "unterminated\nsteps: []\n')).toEqual(['3:10: invalid YAML: Missing closing "quote']);
    expect(problems(minimal('  - order: 1\n   description: x\n'))).toEqual(['5:1: invalid YAML: Sequence item without - indicator']);
    expect(problems('id: a\n\ttitle: t\n')).toEqual(['2:1: invalid YAML: Tabs are not allowed as indentation']);
  });

  it('reports a key given twice at the second one', () => {
    expect(problems('id: a\ntitle: t\nid: b\nsteps: [{order: 1, description: d}]\n')).toEqual(['3:1: invalid YAML: key "id" is given twice (first on line 1)']);
    expect(problems(minimal('  - order: 1\n    description: d\n    order: 2\n'))).toEqual(['6:5: invalid YAML: key "order" is given twice (first on line 4)']);
  });

  it('refuses several documents in one file, pointing at the second', () => {
    expect(problems('id: a\ntitle: t\nsteps: [{order: 1, description: d}]\n---\nid: b\n')).toEqual(['4:1: a runbook file holds one YAML document; this file has 2 (the second starts here)']);
  });

  it('says an empty file, a comment-only file, a scalar or a list is not a runbook', () => {
    expect(problems('')).toEqual(['1:1: the file is empty; a runbook needs at least id, title and steps']);
    expect(problems('# nothing yet\n')).toEqual(['1:1: the file is empty; a runbook needs at least id, title and steps']);
    expect(problems('hello\n')).toEqual(['1:1: a runbook must be a mapping (id: …, title: …, steps: …), not text "hello"']);
    expect(problems('\n\n- a\n')).toEqual(['3:1: a runbook must be a mapping (id: …, title: …, steps: …), not a list']);
  });

  it('reports aliases to nothing, unknown tags and alias bombs instead of throwing', () => {
    expect(problems('id: *nowhere\n')).toEqual(['1:5: invalid YAML: alias "*nowhere" refers to no anchor']);
    expect(problems('id: !custom a\ntitle: t\nsteps: [{order: 1, description: d}]\n')).toEqual(['1:5: invalid YAML: Unresolved tag: !custom']);
    const bomb = ['a: &a [1,1,1,1,1,1,1,1,1,1]', ...['b', 'c', 'd'].map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abc'[index]}`).join(',')}]`)].join('\n');
    expect(problems(bomb)).toEqual(['2:8: invalid YAML: Excessive alias count indicates a resource exhaustion attack']);
  });
});

describe('parseYamlRunbook: schema problems, each at its node', () => {
  it('points an unknown field at its key, suggesting the field meant', () => {
    const text = valid.replace('    expectedOutcome: Connection failure', '    expectedOutcom: Connection failure');
    expect(problems(text)).toEqual(['18:5: steps[0].expectedOutcom: unknown field; did you mean "expectedOutcome"?']);
    expect(problems(minimal('  - order: 1\n    description: d\n    expect:\n      exit_code: 0\n'))).toEqual(['7:7: steps[0].expect.exit_code: unknown field; did you mean "exitCode"?']);
    expect(problems(`${valid}owner: sre\n`)).toEqual([expect.stringMatching(/^27:1: owner: unknown field \(allowed here: id, title, scenario, .*contacts\)$/)]);
  });

  it('points a wrong type at the value, with a hint for quoted numbers and unquoted numbers', () => {
    expect(problems(valid.replace('  - order: 2', '  - order: "2"'))).toEqual(['19:12: steps[1].order: must be a number, not text "2" (remove the quotes)']);
    expect(problems(`${valid}    phone: 5550100\n`)).toEqual(['27:12: contacts[0].phone: must be text, not the number 5550100 (quote it: "5550100")']);
    expect(problems(minimal('  - order: 1.5\n    description: d\n'))).toEqual(['4:12: steps[0].order: must be a whole number, not the number 1.5']);
    expect(problems(minimal('  order: 1\n  description: d\n'))).toEqual(['4:3: steps: must be a list, not a mapping (start each item with "- ")']);
  });

  it('explains "slack: #channel": YAML read a comment, so the value is empty', () => {
    expect(problems(valid.replace('slack: "#database-oncall"', 'slack: #database-oncall'))).toEqual([
      '26:5: contacts[0].slack: must be text, not empty (" #" starts a YAML comment; quote the value: slack: "#database-oncall")',
    ]);
  });

  it('points a missing required field at the mapping that lacks it', () => {
    expect(problems(valid.replace('    description: Enable read-only mode\n', ''))).toEqual(['19:5: steps[1]: missing required field "description"']);
    expect(problems('# a draft\nscenario: x\n')).toEqual(['2:1: missing required field "id"', '2:1: missing required field "title"', '2:1: missing required field "steps"']);
  });

  it('reports values out of range, patterns and enums at the value', () => {
    expect(problems(valid.replace('id: database-outage', 'id: database outage'))).toEqual(['2:5: id: must be letters, digits, ".", "_" or "-"']);
    expect(problems(valid.replace('title: Database connection failure', 'title: "   "'))).toEqual(['3:8: title: must not be empty']);
    expect(problems(valid.replace('requires: [network]', 'requires: [network, vpnn]'))).toEqual(['22:25: steps[1].requires[1]: must be one of: network, vpn, kubectl, psql, cloud-cli, internet, hub (not text "vpnn")']);
    expect(problems(minimal('  - order: 0\n    description: d\n    expect: {exitCode: 300}\n'))).toEqual(['4:12: steps[0].order: must be greater than 0', '6:24: steps[0].expect.exitCode: must be at most 255']);
    expect(problems(minimal('  - order: 1\n    description: d\n    settings:\n      cwd: [a]\n'))).toEqual(['7:12: steps[0].settings.cwd: must be text, true/false or a number, not a list']);
  });

  it('reports a step order used twice at the second use; gaps and any order are fine', () => {
    const steps = ['  - order: 1\n    description: a', '  - order: 5\n    description: b', '  - order: 1\n    description: c', '  - order: 5\n    description: d'];
    expect(problems(minimal(`${steps.join('\n')}\n`))).toEqual(['8:12: steps[2].order: order 1 is already used by steps[0] (line 4)', '10:12: steps[3].order: order 5 is already used by steps[1] (line 6)']);
    expect(problems(minimal('  - order: 10\n    description: a\n  - order: 2\n    description: b\n'))).toEqual([]);
  });

  it('refuses a runbook without steps: an empty list, an empty value, no key', () => {
    expect(problems('id: a\ntitle: t\nsteps: []\n')).toEqual(['3:8: steps: a runbook needs at least one step']);
    expect(problems('id: a\ntitle: t\nsteps:\n')).toEqual(['3:1: steps: a runbook needs at least one step']);
    expect(problems('id: a\ntitle: t\n')).toEqual(['1:1: missing required field "steps"']);
  });

  it('gives no runbook while there is any problem, and reports them all, in file order', () => {
    const parsed = parseYamlRunbook('r.yaml', 'title: 7\nid: "x y"\nsteps: []\nextra: 1\n');
    expect(parsed.runbook).toBeUndefined();
    expect(parsed.problems.map((problem) => [problem.line, problem.column])).toEqual([[1, 8], [2, 5], [3, 8], [4, 1]]);
    expect(parsed.problems.every((problem) => problem.path === 'r.yaml')).toBe(true);
  });
});

describe('parseYamlRunbook: hostile files', () => {
  // yaml's own duplicate-key check is quadratic: on this file it runs for minutes, past the test's time
  // limit. Linear speed itself is measured by the bench (npm run bench runbookLint).
  it('parses a file of 30,000 keys, stopping at the problem limit', () => {
    const parsed = parseYamlRunbook('r.yaml', Array.from({ length: 30_000 }, (_, index) => `key${index}: value`).join('\n'));
    expect(parsed.problems).toHaveLength(maxProblems + 1);
  });

  it(`lists at most ${maxProblems} problems, then one that says more follow`, () => {
    const unknown = Array.from({ length: 1000 }, (_, index) => `extra${index}: x`).join('\n');
    const listed = parseYamlRunbook('r.yaml', `id: a\ntitle: t\nsteps: [{order: 1, description: d}]\n${unknown}\n`).problems;
    expect(listed).toHaveLength(maxProblems + 1);
    expect(listed[maxProblems - 1]).toMatchObject({ line: maxProblems + 3, column: 1, message: expect.stringMatching(/^extra199: unknown field/) });
    expect(listed[maxProblems]).toMatchObject({ line: maxProblems + 4, column: 1, message: `more than ${maxProblems} problems; the rest, from here on, are not listed: fix the ones above first` });
  });

  it('reports nesting too deep for the parser instead of overflowing the stack', () => {
    // Where the stack ran out depends on the stack size; that it is reported, not thrown, does not.
    expect(problems(`id: ${'['.repeat(50_000)}`)[0]).toMatch(/^1:\d+: invalid YAML: nested too deeply$/);
    expect(problems(Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n'))).toEqual([expect.stringMatching(/^\d+:\d+: invalid YAML: nested too deeply$/)]);
  });
});

describe('formatYamlRunbook', () => {
  it('writes YAML that reads back as the same runbook, with the schema comment and literal command blocks', () => {
    const runbook = parseYamlRunbook('r.yaml', valid).runbook!;
    const written = formatYamlRunbook(runbook, { schemaPath: '../resources/schemas/runbook.schema.json' });
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../resources/schemas/runbook.schema.json');
    expect(written).toContain('    command: |\n      curl -f https://status.example.test/health');
    expect(written).toContain('slack: "#database-oncall"');
    expect(parseYamlRunbook('again.yaml', written)).toEqual({ runbook, problems: [] });
  });

  it('quotes what YAML would otherwise misread', () => {
    const runbook = { id: 'a', title: 'yes', steps: [{ order: 1, description: 'key: value # not a comment', command: '- not a list', notes: '123' }] };
    expect(parseYamlRunbook('r.yaml', formatYamlRunbook(runbook)).runbook).toEqual(runbook);
  });
});
