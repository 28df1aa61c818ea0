// Turning the host's errors into what a form shows: one message per field (from issues[].path), plus the rest.
import { errorMessage, HoldfastError } from '../../../../electron/contract';


export interface FormErrors {
  /** Field name (the part after "params.", first segment) → message. */
  fields: Record<string, string>;
  /** What belongs to no field shown on the form. */
  general?: string;
}

/**
 * Splits a host error over the form's fields. `fieldFor` maps an issue path ("params.fields.impact") to the
 * form's field name, or undefined when the form has no such field.
 */
export function formErrors(error: unknown, fieldFor: (path: string[]) => string | undefined = (path) => path[0]): FormErrors {
  if (!(error instanceof HoldfastError) || !error.issues?.length) return { fields: {}, general: errorMessage(error) };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const path = issue.path.replace(/^params\.?/, '').split('.').filter(Boolean);
    const field = fieldFor(path);
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) unplaced.push(`${path.join('.') || 'request'}: ${issue.message}`);
  }
  return { fields, general: unplaced.length ? `${error.message} ${unplaced.join('; ')}` : undefined };
}

/** The errors once `fields` were edited: their messages were about what was sent, so they go (the same object when none had one). */
export function withoutFields(errors: FormErrors, ...fields: string[]): FormErrors {
  if (!fields.some((field) => errors.fields[field])) return errors;
  return { ...errors, fields: Object.fromEntries(Object.entries(errors.fields).filter(([field]) => !fields.includes(field))) };
}
