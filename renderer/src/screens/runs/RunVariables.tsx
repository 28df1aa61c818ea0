// A run's variables in its card: the values given so far (secrets by name only), those not set yet, and a
// form to set or correct them while the run goes on. At 3 a.m. the pod's name is known at step 9, and a
// "TBD" typed at the start must be fixable. Each change goes through runs.setVariables and is on the
// timeline; secret values go to the host and this window's memory, nowhere else.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError, type RunbookRun } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { rememberSecrets } from './secretValues';
import { useVariableForm, variableProblems, VariableFields } from './VariableField';

export function RunVariables({ run, secrets, onChanged }: { run: RunbookRun; secrets: Readonly<Record<string, string>>; onChanged: (run: RunbookRun) => void }) {
  const variables = run.runbook.variables ?? [];
  const isSet = (name: string, secret?: boolean) => Boolean(secret ? secrets[name] : run.variables[name]);
  const unset = variables.filter((variable) => !isSet(variable.name, variable.secret));
  const [editing, setEditing] = useState(false);
  const form = useVariableForm(() => ({}));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const formId = useId();
  if (variables.length === 0) return null;

  const open = () => {
    form.setValues(Object.fromEntries(variables.map((variable) => [variable.name, variable.secret ? '' : (run.variables[variable.name] ?? '')])));
    form.setProblems({});
    setError('');
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: an untouched secret field means "keep it", an unchanged value is not news.
    const changed = Object.fromEntries(Object.entries(form.values).filter(([name, value]) => value !== '' && value !== run.variables[name]));
    if (Object.keys(changed).length === 0) return setEditing(false);
    setBusy(true);
    setError('');
    try {
      const updated = await hostClient.call('runs.setVariables', { runId: run.id, variables: changed });
      const secretNames = new Set(variables.filter((variable) => variable.secret).map((variable) => variable.name));
      rememberSecrets(run.id, Object.fromEntries(Object.entries(changed).filter(([name]) => secretNames.has(name))));
      onChanged(updated);
      setEditing(false);
    } catch (failure) {
      form.setProblems(failure instanceof HoldfastError ? variableProblems(failure.issues) : {});
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="run-vars-block">
      <p className="run-vars muted" aria-label={`Variables of ${run.runbook.title}`}>
        {variables.map((variable) => (
          <span key={variable.name} className={isSet(variable.name, variable.secret) ? 'run-var' : 'run-var rb-text-warn'}>
            <code>{variable.secret ? `${variable.name}${isSet(variable.name, true) ? '=••••••' : ''}` : isSet(variable.name) ? `${variable.name}=${run.variables[variable.name]}` : variable.name}</code>
            {!isSet(variable.name, variable.secret) && ' not set'}
          </span>
        ))}
        {!editing && (
          <button type="button" className="rb-button rb-button-small rb-button-quiet" onClick={open}>
            {unset.length ? `Set variables (${unset.length} not set)` : 'Edit variables'}
          </button>
        )}
      </p>
      {editing && (
        <form className="rb-callout run-refill" aria-labelledby={`${formId}-title`} onSubmit={submit} noValidate>
          <p id={`${formId}-title`}>
            <strong>Variables of {run.runbook.title}.</strong> Changes are recorded on the timeline (secret values by name only). Leave a secret empty to keep the value this console holds.
          </p>
          <VariableFields
            idPrefix={formId}
            variables={variables}
            form={form}
            placeholderFor={(variable) => (variable.secret ? (isSet(variable.name, true) ? 'Held in this window: type to replace' : 'Not held by this window') : '')}
            autoFocusIndex={Math.max(0, variables.findIndex((candidate) => !isSet(candidate.name, candidate.secret)))}
          />
          {error && (
            <p role="alert" className="rb-alert">
              {error}
            </p>
          )}
          <div className="rb-inline">
            <button type="submit" className="rb-button rb-button-small rb-button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save variables'}
            </button>
            <button type="button" className="rb-button rb-button-small" onClick={() => setEditing(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
