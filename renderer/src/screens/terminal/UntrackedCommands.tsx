// "Commands not in a runbook": what the responders typed in this incident's terminals that no step of the
// runbooks in use holds, each one a click away from becoming a new last step of a runbook it could belong
// to (one whose file is writable). Refreshed as commands are captured.
import { errorMessage } from '../../../../electron/contract';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { UntrackedCommand } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { formatUtc } from '../runbooks/RunbookParts';

type Target = UntrackedCommand['targets'][number];

export function UntrackedCommands({ incidentId, incidentOver }: { incidentId: string; incidentOver: boolean }) {
  const [commands, setCommands] = useState<UntrackedCommand[]>([]);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');
  const [expanded, setExpanded] = useState(incidentOver);
  const timer = useRef<number | undefined>(undefined);
  const bodyId = useId();
  const headingId = useId();

  const load = useCallback(async () => {
    try {
      setCommands(await hostClient.call('terminals.untrackedCommands', { incidentId }));
      setError('');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [incidentId]);

  // Opens when the incident is resolved; while it runs, the responder opens it when they want it.
  useEffect(() => {
    if (incidentOver) setExpanded(true);
  }, [incidentOver]);

  useEffect(() => {
    void load();
    // A burst of captured commands becomes one reload.
    const later = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void load(), 250);
    };
    const stops = [
      hostClient.on('timeline.appended', (event) => {
        if (event.incidentId === incidentId && event.kind === 'command_run') later();
      }),
      hostClient.on('runbooks.changed', later),
      hostClient.on('incident.changed', (change) => {
        if (change.incidentId === incidentId) later();
      }),
    ];
    return () => {
      stops.forEach((stop) => stop());
      window.clearTimeout(timer.current);
    };
  }, [incidentId, load]);

  return (
    <section className="untracked" aria-labelledby={headingId}>
      <h4 className="untracked-heading" id={headingId}>
        <button type="button" className="untracked-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((value) => !value)}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          Commands not in a runbook
          {commands.length > 0 && <span className="side-tab-badge">{commands.length}</span>}
        </button>
      </h4>
      <div id={bodyId} hidden={!expanded} className="untracked-body">
        <p role="status" className="term-callout term-callout-ok untracked-added">
          {added}
        </p>
        {error && (
          <p role="alert" className="term-callout term-callout-bad">
            Could not list the commands: {error}
          </p>
        )}
        {!error && commands.length === 0 && <p className="muted untracked-none">Commands typed in this incident's terminals that no runbook step holds show up here, ready to be added to a runbook.</p>}
        {commands.some((command) => command.targets.length === 0) && (
          <p className="field-help untracked-none">To add a command to a runbook, start a runbook from one of your own folders in this incident: built-in runbooks are read-only.</p>
        )}
        <ul className="untracked-list" aria-label="Commands not in a runbook">
          {commands.map((command) => (
            <UntrackedRow
              key={command.commandLine}
              command={command}
              onAdded={(target, order) => {
                setAdded(`Added as step ${order} of ${target.title}`);
                void load();
              }}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}

function UntrackedRow({ command, onAdded }: { command: UntrackedCommand; onAdded: (target: Target, order: number) => void }) {
  const [adding, setAdding] = useState<Target>();
  const exit = command.lastExitCode === null ? 'exit code unknown' : `last exit ${command.lastExitCode}`;
  return (
    <li className="untracked-item">
      <pre className="untracked-command">
        <code>{command.commandLine}</code>
      </pre>
      <p className="untracked-meta muted">
        {command.runs === 1 ? 'Ran once' : `Ran ${command.runs} times`} · <span className={command.lastExitCode ? 'rb-text-bad' : undefined}>{exit}</span> · {formatUtc(command.lastRunAt)}
        {command.cwd && (
          <>
            {' '}
            · in <code>{command.cwd}</code>
          </>
        )}
      </p>
      {adding ? (
        <AddStepForm command={command} target={adding} onCancel={() => setAdding(undefined)} onAdded={(order) => onAdded(adding, order)} />
      ) : command.targets.length > 0 ? (
        <div className="untracked-targets">
          {command.targets.map((target) => (
            <button key={target.runbookId} type="button" className="rb-button rb-button-small" aria-label={`Add ${command.commandLine} to ${target.title}`} onClick={() => setAdding(target)}>
              Add to {target.title}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

function AddStepForm({ command, target, onCancel, onAdded }: { command: UntrackedCommand; target: Target; onCancel: () => void; onAdded: (order: number) => void }) {
  const [description, setDescription] = useState(command.commandLine);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!description.trim()) return setError('Describe what the step does.');
    setBusy(true);
    setError('');
    try {
      const { order } = await hostClient.call('runbooks.addCommandStep', { runbookId: target.runbookId, command: command.commandLine, description: description.trim() });
      onAdded(order);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form className="untracked-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={fieldId} className="rb-label">
        Step description in {target.title}
      </label>
      <input id={fieldId} className="text-input" value={description} maxLength={500} onChange={(event) => setDescription(event.target.value)} autoFocus aria-invalid={error !== ''} />
      <p className="field-help">Appended as the last step of {target.format === 'yaml' ? 'the YAML file' : 'the Markdown file'}, with the command exactly as typed.</p>
      {error && (
        <p role="alert" className="rb-alert">
          {error}
        </p>
      )}
      <div className="rb-inline">
        <button type="submit" className="rb-button rb-button-small rb-button-primary" disabled={busy}>
          Add step
        </button>
        <button type="button" className="rb-button rb-button-small rb-button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
