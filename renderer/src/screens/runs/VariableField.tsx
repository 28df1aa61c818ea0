// One runbook variable as a form field: its name, a Secret badge, the input (masked for secrets), and below
// it either the problem the host named or the variable's description and default.
import { useState } from 'react';
import type { LibraryRunbook } from '../../../../electron/contract';

type RunbookVariable = NonNullable<LibraryRunbook['variables']>[number];

export interface VariableFieldProps {
  id: string;
  variable: RunbookVariable;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

export function VariableField({ id, variable, value, onChange, problem, placeholder, autoFocus }: VariableFieldProps) {
  const help = [variable.description, variable.default && !variable.secret ? `Default: ${variable.default}` : ''].filter(Boolean).join(' · ');
  return (
    <div className="run-field">
      <label htmlFor={id} className="rb-label">
        <code>{variable.name}</code>
        {variable.secret && <span className="rb-badge rb-badge-warn">Secret</span>}
      </label>
      <input
        id={id}
        className="text-input"
        type={variable.secret ? 'password' : 'text'}
        autoComplete={variable.secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(problem)}
        aria-describedby={`${id}-help`}
        autoFocus={autoFocus}
      />
      <p id={`${id}-help`} className={problem ? 'field-help field-error' : 'field-help'}>
        {problem ? `${variable.name}: ${problem}` : help || '\u00a0'}
      </p>
    </div>
  );
}

/** Field errors the host named (params.variables.NAME), by variable name. */
export function variableProblems(issues: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const prefix = 'params.variables.';
  return Object.fromEntries((issues ?? []).filter((issue) => issue.path.startsWith(prefix)).map((issue) => [issue.path.slice(prefix.length), issue.message]));
}

/** The values of a variables form and the problems shown under its fields; editing a field clears its problem. */
export function useVariableForm(initial: () => Record<string, string>) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const change = (name: string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setProblems((current) => ({ ...current, [name]: '' }));
  };
  return { values, setValues, problems, setProblems, change };
}

export interface VariableFieldsProps {
  idPrefix: string;
  variables: readonly RunbookVariable[];
  form: ReturnType<typeof useVariableForm>;
  placeholderFor: (variable: RunbookVariable) => string;
  autoFocusIndex: number;
}

/** One field per variable, ids `${idPrefix}-${name}` (a host problem can focus its field). */
export function VariableFields({ idPrefix, variables, form, placeholderFor, autoFocusIndex }: VariableFieldsProps) {
  return (
    <>
      {variables.map((variable, index) => (
        <VariableField
          key={variable.name}
          id={`${idPrefix}-${variable.name}`}
          variable={variable}
          value={form.values[variable.name] ?? ''}
          onChange={(value) => form.change(variable.name, value)}
          problem={form.problems[variable.name]}
          placeholder={placeholderFor(variable)}
          autoFocus={index === autoFocusIndex}
        />
      ))}
    </>
  );
}
