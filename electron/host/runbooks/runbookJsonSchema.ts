// The runbook format as a JSON Schema, generated from the contract's `runbookSchema` (one source of truth),
// published as resources/schemas/runbook.schema.json so editors complete and check runbooks while they are
// written: a runbook starting with
//   # yaml-language-server: $schema=../resources/schemas/runbook.schema.json
// gets completion, hover text and errors in VS Code (YAML extension), Neovim and JetBrains, all offline.
// Regenerate after changing the contract: npx tsx electron/host/runbooks/runbookJsonSchema.ts --write
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { runbookSchema } from '../../contract';

export const runbookSchemaId = 'https://holdfast.dev/schemas/runbook.schema.json';
/** Where the published schema lives in this source tree (the CLI finds its installed copy itself). */
export const publishedRunbookSchemaPath = fileURLToPath(new URL('../../../resources/schemas/runbook.schema.json', import.meta.url));

/** Hover text for editors, by field path (list items are transparent: `steps.command`). */
const descriptions: Record<string, string> = {
  id: 'Stable identifier, used to open the runbook (holdfast runbook show ID) and to link it to triggers.',
  title: 'What the runbook is for, as the responder would search for it.',
  scenario: 'The situation this runbook handles.',
  severity: 'Usual severity of this situation (e.g. P1, SEV2).',
  triggers: 'Alerts or trigger IDs that should offer this runbook.',
  variables: 'Values asked for when a run starts; steps use them as $NAME.',
  'variables.secret': 'Masked when asked; never written to the timeline or evidence.',
  steps: 'The steps, each with a unique order number.',
  'steps.order': 'Position of the step (unique; steps are shown in this order).',
  'steps.command': 'Shell command(s) the step runs; use a block scalar (|) for several lines.',
  'steps.expectedOutcome': 'What the responder should see when the step worked.',
  'steps.rollbackProcedure': 'How to undo the step, in words.',
  'steps.rollbackCommand': 'A command that undoes this step, offered when it fails.',
  'steps.requires': 'Capabilities the step needs; the console warns when one is missing offline.',
  'steps.offlineAlternative': 'What to do instead when a requirement is not available.',
  'steps.expect': 'Checks that decide whether the step passed.',
  'steps.expect.output': 'A regular expression the output must match.',
  'steps.confirm': 'Break-glass: the responder must type the target to unlock the step.',
  verification: 'How to confirm the incident is over.',
  exitCriteria: 'Conditions that must all hold before the incident is closed.',
  escalation: 'Who to escalate to, level by level.',
  'escalation.timeLimitMinutes': 'Escalate to the next level if not resolved within this many minutes.',
  contacts: 'People and teams to reach during this incident.',
};

export function runbookJsonSchema(): Record<string, unknown> {
  // draft-07: the dialect every YAML/JSON editor integration understands.
  const generated = z.toJSONSchema(runbookSchema, { target: 'draft-7', override: ({ zodSchema, jsonSchema }) => keepZodMeaning(zodSchema, jsonSchema) });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  addDescriptions(rest, '');
  return {
    $schema,
    $id: runbookSchemaId,
    title: 'Holdfast runbook',
    description: 'A Holdfast runbook (native YAML format). Unknown fields are errors. Generated from the runbook contract; do not edit by hand.',
    ...rest,
  };
}

export function runbookJsonSchemaText(): string {
  return `${JSON.stringify(runbookJsonSchema(), null, 2)}\n`;
}

/** Where plain JSON Schema output would accept what runbookSchema refuses, say what zod means. */
function keepZodMeaning(zodSchema: unknown, jsonSchema: Record<string, unknown>): void {
  const checks = (zodSchema as { _zod?: { def?: { checks?: { _zod?: { def?: { pattern?: unknown } } }[] } } })._zod?.def?.checks ?? [];
  const pattern = checks.map((check) => check._zod?.def?.pattern).find((candidate): candidate is RegExp => candidate instanceof RegExp);
  // JSON Schema patterns have no flags, so `/…/i` would silently become case-sensitive.
  if (pattern?.flags.includes('i')) jsonSchema.pattern = caseInsensitiveSource(pattern.source);
  // The contract's required text is trimmed before its length is checked: "   " is empty.
  if (jsonSchema.type === 'string' && jsonSchema.minLength === 1 && jsonSchema.pattern === undefined) jsonSchema.pattern = '\\S';
}

/** Rewrites a pattern to match both cases: a-z in a class gains A-Z, a bare letter x becomes [xX]. */
export function caseInsensitiveSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\') {
      out += char + (source[++index] ?? '');
      continue;
    }
    if (inClass && char === ']') inClass = false;
    else if (!inClass && char === '[') inClass = true;
    const range = source.slice(index, index + 3);
    if (inClass && /^[a-z]-[a-z]$/i.test(range)) {
      out += `${range.toLowerCase()}${range.toUpperCase()}`;
      index += 2;
    } else if (inClass && /[a-z]/i.test(char)) out += char.toLowerCase() + char.toUpperCase();
    else if (/[a-z]/i.test(char)) out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    else out += char;
  }
  return out;
}

function addDescriptions(schema: Record<string, unknown>, prefix: string): void {
  const items = schema.items as Record<string, unknown> | undefined;
  if (items && typeof items === 'object') addDescriptions(items, prefix);
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (descriptions[path]) property.description = descriptions[path];
    addDescriptions(property, path);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv.includes('--write')) {
    process.stdout.write(runbookJsonSchemaText());
  } else {
    writeFileSync(publishedRunbookSchemaPath, runbookJsonSchemaText());
    process.stderr.write(`wrote ${publishedRunbookSchemaPath}\n`);
  }
}
