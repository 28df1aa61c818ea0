// The published JSON Schema (resources/schemas/runbook.schema.json) is what editors check runbooks with:
// it must be the one generated from the contract, and it must accept and refuse exactly what the loader
// does, checked here with a real JSON Schema validator (Ajv, draft-07) against runbookSchema on the same data.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runbookSchema } from '../../../../electron/contract';
import { caseInsensitiveSource, publishedRunbookSchemaPath, runbookJsonSchema, runbookJsonSchemaText, runbookSchemaId } from '../../../../electron/host/runbooks/runbookJsonSchema';
import { parseYamlRunbook } from '../../../../electron/host/runbooks/yamlRunbook';

const regenerate = 'resources/schemas/runbook.schema.json is out of date with the runbook contract; regenerate it with: npx tsx electron/host/runbooks/runbookJsonSchema.ts --write';

const sample = {
  id: 'Payment-Failure.v2',
  title: 'Payment failure',
  severity: 'P1',
  tags: ['payments'],
  triggers: [{ id: 'PAY-FAIL', threshold: '> 10%' }],
  variables: [{ name: 'ADMIN_TOKEN', secret: true }],
  steps: [
    { order: 1, description: 'Check', command: 'curl -f https://example.test', requires: ['network'], expect: { exitCode: 0, output: 'ok' }, settings: { name: 'check', excludeFromRunAll: true, terminalRows: 20 } },
    { order: 2, description: 'Fix', confirm: { target: 'production' } },
  ],
  verification: [{ description: 'Works' }],
  exitCriteria: ['Quiet for 30 minutes'],
  escalation: [{ level: 1, role: 'On-call', timeLimitMinutes: 15 }],
  contacts: [{ role: 'Lead', slack: '#payments' }],
};

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(runbookJsonSchema());
}

describe('the published runbook JSON Schema', () => {
  it('is the committed file, byte for byte', () => {
    expect(readFileSync(publishedRunbookSchemaPath, 'utf8'), regenerate).toBe(runbookJsonSchemaText());
  });

  it('names itself for editors: draft-07, $id, title and description, hover text on fields', () => {
    const schema = runbookJsonSchema() as { $schema: string; $id: string; title: string; description: string; properties: Record<string, { description?: string; items?: { properties: Record<string, { description?: string }> } }> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(runbookSchemaId);
    expect(schema.title).toBe('Holdfast runbook');
    expect(schema.description).toMatch(/Unknown fields are errors/);
    expect(schema.properties.steps?.items?.properties.command?.description).toMatch(/Shell command/);
  });

  it('compiles under a strict validator and accepts a full runbook and the loader output of a YAML file', () => {
    const validate = validator();
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const loaded = parseYamlRunbook('r.yaml', '# yaml-language-server: $schema=../resources/schemas/runbook.schema.json\nid: a\ntitle: t\nsteps:\n  - order: 1\n    description: d\n');
    expect(validate(loaded.runbook)).toBe(true);
  });

  it('keeps what JSON Schema would lose: the case-insensitive id and "blank is empty"', () => {
    const validate = validator();
    expect(validate({ ...sample, id: 'DB-Outage' })).toBe(true);
    expect(validate({ ...sample, id: 'db outage' })).toBe(false);
    expect(validate({ ...sample, title: '   ' })).toBe(false);
    expect(runbookSchema.safeParse({ ...sample, title: '   ' }).success).toBe(false);
  });

  it('agrees with runbookSchema on 3,000 damaged runbooks', () => {
    const validate = validator();
    let state = 7;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    const wrong = [null, 0, -1, 1.5, 2 ** 53, 'x', '', '  ', 'DB-1', 'a b', true, [], {}, ['network'], ['vpnn'], { extra: 1 }, [{}], [{ order: 1 }], 300, 'Z9'];
    let refused = 0;
    for (let index = 0; index < 3000; index++) {
      const candidate = structuredClone(sample) as Record<string, unknown>;
      for (let count = 0; count < 1 + Math.floor(next() * 3); count++) damage(candidate, next, wrong);
      const zod = runbookSchema.safeParse(candidate).success;
      expect(validate(candidate), `case ${index}: ${JSON.stringify(candidate)}`).toBe(zod);
      if (!zod) refused++;
    }
    expect(refused).toBeGreaterThan(1500);
  });
});

/** Replaces, removes or adds one field somewhere in the runbook (top level, a step, or a step's parts). */
function damage(runbook: Record<string, unknown>, next: () => number, wrong: unknown[]): void {
  const steps = runbook.steps as Record<string, unknown>[] | undefined;
  const containers: Record<string, unknown>[] = [runbook];
  if (Array.isArray(steps)) for (const step of steps) if (step && typeof step === 'object') containers.push(step, ...Object.values(step).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)));
  const target = containers[Math.floor(next() * containers.length)]!;
  const keys = Object.keys(target);
  const key = keys[Math.floor(next() * keys.length)];
  const choice = next();
  if (choice < 0.15 && key) delete target[key];
  else if (choice < 0.25) target[`unknown${Math.floor(next() * 3)}`] = 'x';
  else if (key) target[key] = wrong[Math.floor(next() * wrong.length)];
}

describe('caseInsensitiveSource', () => {
  it('widens letter ranges and bare letters, leaving escapes alone', () => {
    expect(caseInsensitiveSource('^[a-z0-9][a-z0-9._-]*$')).toBe('^[a-zA-Z0-9][a-zA-Z0-9._-]*$');
    expect(caseInsensitiveSource('^inc-\\d+$')).toBe('^[iI][nN][cC]-\\d+$');
    expect(caseInsensitiveSource('[xy]\\w')).toBe('[xXyY]\\w');
    const widened = new RegExp(caseInsensitiveSource('^ab[c-e]$'));
    expect(['abc', 'ABE', 'aBd'].every((text) => widened.test(text))).toBe(true);
    expect(widened.test('abf')).toBe(false);
  });
});
