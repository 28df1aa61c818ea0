// Starting a runbook inside an incident: pick it (those for the incident's trigger first), then fill in its
// variables once. Secret values go to the host in runs.start and otherwise stay in this window's memory.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError, type LibraryRunbook, type RunbookRun, type RunbookSummary } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { rememberSecrets } from './secretValues';

export function StartRun({
  incidentId,
  triggerId,
  matching,
  library,
  libraryError,
  onStarted,
  onClose,
}: {
  incidentId: string;
  triggerId: string;
  matching: RunbookSummary[];
  library: RunbookSummary[];
  libraryError?: string;
  onStarted: (run: RunbookRun) => void;
  /** Folds the control away again (when the incident already has runs). */
  onClose?: () => void;
}) {
  const [choice, setChoice] = useState('');
  const [preparing, setPreparing] = useState<LibraryRunbook>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const selectId = useId();
  const headingId = useId();

  const others = library.filter((summary) => !matching.some((match) => match.id === summary.id));
  // Preselect the runbook for the incident's trigger, unless the responder already chose.
  const touched = useRef(false);
  useEffect(() => {
    if (!touched.current && matching[0]) setChoice(matching[0].id);
  }, [matching]);

  const begin = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setError('Choose a runbook first.');
    setBusy(true);
    setError('');
    try {
      const runbook = await hostClient.call('runbooks.get', { id: choice });
      if (runbook.variables?.length) setPreparing(runbook);
      else onStarted(await hostClient.call('runs.start', { incidentId, runbookId: runbook.id, variables: {} }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  if (preparing) {
    return (
      <VariablesForm
        incidentId={incidentId}
        runbook={preparing}
        onCancel={() => setPreparing(undefined)}
        onStarted={(run) => {
          setPreparing(undefined);
          onStarted(run);
        }}
      />
    );
  }

  return (
    <form className="run-start" aria-labelledby={headingId} onSubmit={begin}>
      <h3 id={headingId} className="run-start-title">
        Start a runbook
      </h3>
      <label htmlFor={selectId} className="rb-label">
        Runbook
      </label>
      <div className="rb-inline">
        <select id={selectId} className="text-input rb-grow" value={choice} onChange={(event) => {
            touched.current = true;
            setChoice(event.target.value);
          }} aria-describedby={`${selectId}-help`}>
          <option value="">Choose a runbook…</option>
          {matching.length > 0 && (
            <optgroup label={`For trigger ${triggerId}`}>
              {matching.map((summary) => (
                <option key={summary.id} value={summary.id}>
                  {summary.title}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={matching.length ? 'All other runbooks' : 'All runbooks'}>
            {others.map((summary) => (
              <option key={summary.id} value={summary.id}>
                {summary.title}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="submit" className="rb-button rb-button-primary" disabled={busy || !choice}>
          {busy ? 'Opening…' : 'Start'}
        </button>
        {onClose && (
          <button type="button" className="rb-button rb-button-quiet" onClick={onClose}>
            Cancel
          </button>
        )}
      </div>
      <p id={`${selectId}-help`} className="field-help">
        {libraryError
          ? `Could not read the runbook library: ${libraryError}`
          : matching.length
            ? `${matching.length} runbook${matching.length === 1 ? '' : 's'} for this incident's trigger ${triggerId} listed first.`
            : triggerId
              ? `No runbook is linked to trigger ${triggerId}; pick one from the library.`
              : 'Starting a run adds it to the timeline. Nothing runs until you click.'}
      </p>
      {error && (
        <p role="alert" className="rb-alert">
          {error}
        </p>
      )}
    </form>
  );
}

function VariablesForm({ incidentId, runbook, onCancel, onStarted }: { incidentId: string; runbook: LibraryRunbook; onCancel: () => void; onStarted: (run: RunbookRun) => void }) {
  const variables = runbook.variables ?? [];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(variables.map((variable) => [variable.name, variable.secret ? '' : (variable.default ?? '')])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Empty is fine where the runbook gives a default: the host fills it in.
    const missing = variables.filter((variable) => !values[variable.name]?.trim() && !variable.default);
    if (missing.length) {
      setFieldErrors(Object.fromEntries(missing.map((variable) => [variable.name, 'needs a value'])));
      setError('');
      document.getElementById(`${formId}-${missing[0]!.name}`)?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const sent = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
      const run = await hostClient.call('runs.start', { incidentId, runbookId: runbook.id, variables: sent });
      const secrets = Object.fromEntries(variables.filter((variable) => variable.secret).map((variable) => [variable.name, sent[variable.name] ?? variable.default ?? '']));
      rememberSecrets(run.id, secrets);
      onStarted(run);
    } catch (failure) {
      if (failure instanceof HoldfastError && failure.issues?.some((issue) => issue.path.startsWith('params.variables.'))) {
        setFieldErrors(Object.fromEntries(failure.issues.filter((issue) => issue.path.startsWith('params.variables.')).map((issue) => [issue.path.slice('params.variables.'.length), issue.message])));
        setError(failure.message);
      } else setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="run-variables" aria-labelledby={`${formId}-title`} onSubmit={submit} noValidate>
      <h3 id={`${formId}-title`} className="run-start-title">
        Start “{runbook.title}”
      </h3>
      <p className="field-help">Asked once for this run. Secret values stay in this window's memory: they are never written to the timeline, evidence or disk.</p>
      {variables.map((variable, index) => {
        const id = `${formId}-${variable.name}`;
        const problem = fieldErrors[variable.name];
        return (
          <div key={variable.name} className="run-field">
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
              value={values[variable.name] ?? ''}
              placeholder={variable.secret && variable.default ? 'Leave empty for the default' : ''}
              onChange={(event) => {
                const value = event.target.value;
                setValues((current) => ({ ...current, [variable.name]: value }));
                setFieldErrors((current) => ({ ...current, [variable.name]: '' }));
              }}
              aria-invalid={Boolean(problem)}
              aria-describedby={`${id}-help`}
              autoFocus={index === 0}
            />
            <p id={`${id}-help`} className={problem ? 'field-help field-error' : 'field-help'}>
              {problem ? `${variable.name}: ${problem}` : [variable.description, variable.default && !variable.secret ? `Default: ${variable.default}` : ''].filter(Boolean).join(' · ') || '\u00a0'}
            </p>
          </div>
        );
      })}
      {error && (
        <p role="alert" className="rb-alert">
          {error}
        </p>
      )}
      <div className="rb-inline">
        <button type="submit" className="rb-button rb-button-primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start run'}
        </button>
        <button type="button" className="rb-button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
