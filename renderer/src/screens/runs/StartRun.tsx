// Starting a runbook inside an incident: pick it (those for the incident's trigger first), then fill in the
// variables known now; the rest can be set later, when the step that needs them comes. Secret values go to
// the host and otherwise stay in this window's memory.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError, type LibraryRunbook, type RunbookRun, type RunbookSummary } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { rememberSecrets } from './secretValues';
import { useVariableForm, variableProblems, VariableFields } from './VariableField';

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
  const form = useVariableForm(() => Object.fromEntries(variables.map((variable) => [variable.name, variable.secret ? '' : (variable.default ?? '')])));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const sent = Object.fromEntries(Object.entries(form.values).filter(([, value]) => value !== ''));
      const run = await hostClient.call('runs.start', { incidentId, runbookId: runbook.id, variables: sent });
      const secrets = Object.fromEntries(variables.filter((variable) => variable.secret && (sent[variable.name] ?? variable.default)).map((variable) => [variable.name, sent[variable.name] ?? variable.default!]));
      rememberSecrets(run.id, secrets);
      onStarted(run);
    } catch (failure) {
      const problems = failure instanceof HoldfastError ? variableProblems(failure.issues) : {};
      form.setProblems(problems);
      setError(errorMessage(failure));
      const first = Object.keys(problems)[0];
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="run-variables" aria-labelledby={`${formId}-title`} onSubmit={submit} noValidate>
      <h3 id={`${formId}-title`} className="run-start-title">
        Start “{runbook.title}”
      </h3>
      <p className="field-help">Fill in what you know now; leave the rest empty and set it when the step that needs it comes. Secret values stay in memory: they are never written to the timeline, evidence or disk.</p>
      <VariableFields idPrefix={formId} variables={variables} form={form} placeholderFor={(variable) => (variable.secret && variable.default ? 'Leave empty for the default' : '')} autoFocusIndex={0} />
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
