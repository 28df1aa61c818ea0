// The runbook schema as seen from a place in a file: which fields a mapping at a path allows (for "did you
// mean" hints) and whether the value at a path is free text a responder reads (description, command, notes…)
// rather than a name, a pattern-checked id, a choice from a list, a number or a flag.
import { z } from 'zod';
import { runbookSchema } from '../../contract';

export type FieldPath = readonly PropertyKey[];

/** The schema of the value at a path (optional wrappers removed), or undefined where the schema has no field. */
function schemaAt(path: FieldPath): unknown {
  let schema: unknown = runbookSchema;
  for (const segment of [...path, undefined]) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap();
    if (segment === undefined) break;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, unknown>)[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType;
    else return undefined;
  }
  return schema;
}

/** True where the schema has a field (or a list item, or a settings entry) at a path. */
export function isFieldAt(path: FieldPath): boolean {
  return schemaAt(path) !== undefined;
}

/** The fields the schema allows in the mapping at a path. */
export function fieldsAt(path: FieldPath): string[] {
  const schema = schemaAt(path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** True where any text is allowed: a string with no pattern (an id or a variable name has one), not an enum. */
export function isFreeTextAt(path: FieldPath): boolean {
  const isFreeText = (schema: unknown): boolean =>
    (schema instanceof z.ZodString && !schema.format) || (schema instanceof z.ZodUnion && schema.options.some(isFreeText));
  return isFreeText(schemaAt(path));
}
