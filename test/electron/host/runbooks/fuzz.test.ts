// Thousands of damaged runbooks (lines deleted, duplicated, swapped, re-indented, joined, random characters
// typed in, values of the wrong type, documents split): the loader never throws, a runbook comes back only
// when there is no problem, and every problem points inside the file (line ≥ 1, column ≥ 1, on a real line).
// The generator is seeded, so a failure reproduces exactly: the message names the case to replay.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runbookSchema, type RunbookProblem } from '../../../../electron/contract';
import { loadRunbookFile } from '../../../../electron/host/runbooks/runbookFile';
import { parseYamlRunbook } from '../../../../electron/host/runbooks/yamlRunbook';

const corpus = [
  `# yaml-language-server: $schema=../resources/schemas/runbook.schema.json
id: payment-failure
title: Payment processing failure
scenario: Users cannot complete payments
severity: P1
tags: [payments, stripe]
triggers:
  - id: PAY-FAIL-RATE
    severity: SEV1
    threshold: failure rate > 10% for 5 minutes
variables:
  - name: ADMIN_TOKEN
    description: Admin API token
    secret: true
  - name: REGION
    default: eu-west-1
steps:
  - order: 1
    description: Verify the failure pattern
    command: |
      curl -s "https://admin.example.test/logs/payments?last=10m" \\
        -H "Authorization: Bearer $ADMIN_TOKEN" | jq '.failureRate'
    expectedOutcome: High failure rate (>10%)
    expect:
      exitCode: 0
      output: "failureRate"
  - order: 2
    description: Switch to the backup account
    command: >-
      vercel env add STRIPE_SECRET_KEY "$STRIPE_BACKUP_KEY" && vercel deploy --prod
    rollbackCommand: vercel rollback
    requires: [network, cloud-cli]
    offlineAlternative: Call the payments lead
    confirm:
      target: production
      warning: Moves live traffic
    settings: { name: switch, excludeFromRunAll: true, terminalRows: 20 }
verification:
  - description: Test payment flow
    command: curl -X POST https://app.example.test/api/payment/test
    expected: Payment successful
exitCriteria:
  - Failure rate below 1% for 30 minutes
escalation:
  - level: 1
    role: On-call engineer
    timeLimitMinutes: 15
    responsibilities: [Triage, Mitigate]
contacts:
  - role: Payments lead
    slack: "#payments"
    phone: "+61 400 000 000"
`,
  'id: minimal\ntitle: Minimal\nsteps:\n  - order: 1\n    description: Only step\n',
  `id: anchors
title: "Anchors, flow style and quotes"
steps: [{order: 1, description: 'It''s fine', command: &check "systemctl status db"}, {order: 2, description: Again, command: *check}]
contacts:
  - {role: DBA, email: dba@example.test}
`,
];

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hostile = [':', '-', '#', '[', ']', '{', '}', '"', "'", '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '\t', ' ', '\n', '\r', '\0', '\u00e9', '\u{1F525}', '\uFEFF', '\\', '---', '...'];
const wrongValues = ['42', '-1', '0', '1.5', 'true', 'null', '~', '[]', '{}', '[a, b]', '{a: 1}', '"quoted"', '.inf', '.nan', '&anchor v', '*missing', '|', '>-', '!!binary aGk=', '!tag v', "'", '"', '', '0x1F', '1e400', '2024-01-01'];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  const other = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 10)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at]!);
      break;
    case 2:
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      break;
    case 3: {
      const shift = Math.floor(next() * 7) - 3;
      lines[at] = shift >= 0 ? `${' '.repeat(shift)}${next() < 0.1 ? '\t' : ''}${lines[at]}` : lines[at]!.slice(-shift);
      break;
    }
    case 4: {
      const offset = Math.floor(next() * (text.length + 1));
      return text.slice(0, offset) + pick(hostile) + text.slice(offset);
    }
    case 5: {
      const keyed = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^\s*(- )?[A-Za-z_]+:/.test(line));
      const target = keyed.length ? pick(keyed) : undefined;
      if (target) lines[target.index] = target.line.replace(/^(\s*(?:- )?[A-Za-z_]+:).*$/, `$1 ${pick(wrongValues)}`);
      break;
    }
    case 6:
      return text.slice(0, Math.floor(next() * text.length));
    case 7:
      lines[at] = lines[at]!.replace(/[A-Za-z]/, (letter) => String.fromCharCode(letter.charCodeAt(0) ^ 0x20));
      break;
    case 8:
      if (at < lines.length - 1) lines.splice(at, 2, `${lines[at]}${lines[at + 1]}`);
      break;
    default:
      lines.splice(at, 0, pick(['---', '...', '%YAML 1.2', '? complex', '<<: *base', '- stray item', '  # comment']));
  }
  return lines.join('\n');
}

/** Every position must be one an editor can jump to in this text. */
function checkProblems(text: string, problems: RunbookProblem[], path: string, replay: string): void {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  for (const problem of problems) {
    const where = `${replay}: ${JSON.stringify(problem)}`;
    expect(problem.path, where).toBe(path);
    expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lines.length, where).toBe(true);
    expect(Number.isInteger(problem.column) && problem.column >= 1 && problem.column <= lines[problem.line - 1]!.length + 1, where).toBe(true);
    expect(problem.message.trim().length, where).toBeGreaterThan(0);
  }
}

const seed = 20_240_601;
const cases = 4000;

describe('fuzz: mutated YAML runbooks', () => {
  it(`parses ${cases} mutated runbooks without throwing, every problem inside the file (seed ${seed})`, () => {
    const next = random(seed);
    let valid = 0;
    let withProblems = 0;
    for (let index = 0; index < cases; index++) {
      let text = corpus[index % corpus.length]!;
      const mutations = 1 + Math.floor(next() * 4);
      for (let count = 0; count < mutations; count++) text = mutate(text, next);
      const replay = `case ${index}, text ${JSON.stringify(text)}`;
      let result: ReturnType<typeof parseYamlRunbook>;
      try {
        result = parseYamlRunbook('fuzz.yaml', text);
      } catch (error) {
        throw new Error(`${replay} threw ${error instanceof Error ? error.stack : String(error)}`);
      }
      checkProblems(text, result.problems, 'fuzz.yaml', replay);
      if (result.runbook) {
        expect(result.problems, replay).toEqual([]);
        expect(runbookSchema.safeParse(result.runbook).success, replay).toBe(true);
        valid++;
      } else {
        expect(result.problems.length, replay).toBeGreaterThan(0);
        withProblems++;
      }
    }
    // The mutations must exercise both outcomes, or the test would prove little.
    expect(valid).toBeGreaterThan(cases * 0.05);
    expect(withProblems).toBeGreaterThan(cases * 0.5);
  });

  it('gives the same problems for the same seed (reproducible failures)', () => {
    const run = () => {
      const next = random(seed + 1);
      return Array.from({ length: 200 }, () => parseYamlRunbook('r.yaml', mutate(mutate(corpus[0]!, next), next)).problems);
    };
    expect(run()).toEqual(run());
  });

  describe('through the file loader, random bytes included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'holdfast-fuzz-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('loads 300 mutated files and 100 files of random bytes without throwing', () => {
      const next = random(seed + 2);
      for (let index = 0; index < 400; index++) {
        const path = join(folder, `case-${index}.yaml`);
        const bytes = index < 300 ? Buffer.from(mutate(mutate(corpus[index % corpus.length]!, next), next)) : Buffer.from(Array.from({ length: Math.floor(next() * 4096) }, () => Math.floor(next() * 256)));
        writeFileSync(path, bytes);
        const loaded = loadRunbookFile(path);
        const text = new TextDecoder().decode(bytes);
        checkProblems(text, loaded.problems, path, `file case ${index}`);
        expect(loaded.format).toBe('yaml');
        expect(Boolean(loaded.runbook) !== loaded.problems.length > 0, `file case ${index}`).toBe(true);
      }
    });
  });
});
