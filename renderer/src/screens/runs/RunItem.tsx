// One checklist item of a guided run: a step (command shown in full with the run's values, secrets masked;
// what to expect beside it; Start/Done/Failed/Skip; copy for the terminal; rollback once it failed;
// break-glass confirmation), a verification check or an exit criterion. Nothing runs without a click.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError, type RunbookRun, type RunbookStep, type RunItemState } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { copyText } from '../runbooks/clipboard';
import { BreakGlassBadge, formatUtc, needsNetwork, networkRequirements, RequiresBadges } from '../runbooks/RunbookParts';
import { RunInTerminal } from './RunInTerminal';
import { displayCommand, runnableCommand, secretNamesOf, unsetVariables } from './runCommands';

export type ItemKind = 'step' | 'verify' | 'exit';

const stateLabels: Record<RunItemState, string> = { pending: 'Pending', running: 'Running', done: 'Done', skipped: 'Skipped', failed: 'Failed' };
const kindNames: Record<ItemKind, string> = { step: 'step', verify: 'check', exit: 'criterion' };
/** The buttons each kind offers, as [state, visible label]. */
const actions: Record<ItemKind, [RunItemState, string][]> = {
  step: [
    ['running', 'Start'],
    ['done', 'Done'],
    ['failed', 'Failed'],
  ],
  verify: [
    ['done', 'Passed'],
    ['failed', 'Failed'],
  ],
  exit: [
    ['done', 'Met'],
    ['failed', 'Not met'],
  ],
};

export interface RunItemProps {
  run: RunbookRun;
  kind: ItemKind;
  /** Step order, or the 1-based index of the check or criterion. */
  number: number;
  title: string;
  step?: RunbookStep;
  command?: string;
  expected?: string;
  offline: boolean;
  secrets: Readonly<Record<string, string>>;
  onChanged: (run: RunbookRun) => void;
}

export function RunItem({ run, kind, number, title, step, command, expected, offline, secrets, onChanged }: RunItemProps) {
  const key = `${kind}:${number}`;
  const status = run.items[key];
  const state: RunItemState = status?.state ?? 'pending';
  const name = `${kindNames[kind]} ${number}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [skipping, setSkipping] = useState(false);
  const [skipReason, setSkipReason] = useState('');
  const [typedTarget, setTypedTarget] = useState('');
  const [confirmReason, setConfirmReason] = useState('');
  const [copyStatus, setCopyStatus] = useState('');
  const ids = useId();

  const guard = step?.confirm;
  const unlocked = !guard || (typedTarget.trim() === guard.target && confirmReason.trim() !== '');
  const blocked = offline && step !== undefined && needsNetwork(step);
  const missing = command ? unsetVariables(run, command, secrets) : [];
  // The host may still hold a secret this window lost in a reload: only unset plain values stop the hand-off.
  const missingEverywhere = missing.filter((name) => !secretNamesOf(run).includes(name));

  /** Resolves to whether the host took the change (its refusal is shown beside the item). */
  const setState = async (next: RunItemState, reason?: string): Promise<boolean> => {
    setBusy(true);
    setError('');
    try {
      const needsConfirmation = guard && (next === 'running' || next === 'done');
      const updated = await hostClient.call('runs.setItem', {
        runId: run.id,
        key,
        state: next,
        ...(reason ? { reason } : {}),
        ...(needsConfirmation ? { confirmation: { typedTarget: typedTarget.trim(), reason: confirmReason.trim() } } : {}),
      });
      onChanged(updated);
      setSkipping(false);
      setSkipReason('');
      return true;
    } catch (failure) {
      setError(failure instanceof HoldfastError ? failure.message : errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const skip = (event: FormEvent) => {
    event.preventDefault();
    if (!skipReason.trim()) return setError(`Say why ${name} is skipped.`);
    void setState('skipped', skipReason.trim());
  };

  const copyFor = async (text: string, what: string) => {
    const ok = await copyText(text);
    setCopyStatus(ok ? `Copied${what}: paste it in your terminal.` : 'Could not copy: select the command and press Ctrl+C.');
  };

  const shown = command ? displayCommand(run, command) : undefined;
  const rollbackShown = step?.rollbackCommand ? displayCommand(run, step.rollbackCommand) : undefined;
  const rollbackMissing = step?.rollbackCommand ? unsetVariables(run, step.rollbackCommand, secrets) : [];
  const headingId = `${ids}-title`;

  return (
    <li className={`run-item run-item-${state}${blocked ? ' run-item-blocked' : ''}`} aria-labelledby={headingId}>
      <div className="run-item-head">
        <span className="run-item-number" aria-hidden="true">
          {kind === 'step' ? number : state === 'done' ? '✓' : number}
        </span>
        <h4 id={headingId} className="run-item-title">
          <span className="rb-visually-hidden">{capitalise(name)}: </span>
          {title}
        </h4>
        <span className={`run-state run-state-${state}`}>{stateLabels[state]}</span>
      </div>
      <div className="run-item-body">
        {status && state !== 'pending' && (
          <p className="run-item-who muted">
            {stateLabels[state]} by {status.by || 'someone'} at {formatUtc(status.at)}
            {status.reason && (
              <>
                {' '}
                · <span className="run-reason">{status.reason}</span>
              </>
            )}
          </p>
        )}
        {step && (step.requires?.length || guard) ? (
          <div className="rb-step-badges">
            {guard && <BreakGlassBadge />}
            <RequiresBadges requires={step.requires} offline={offline} />
          </div>
        ) : null}
        {blocked && step && (
          <div className="rb-callout rb-callout-bad">
            <p>
              <strong>Offline:</strong> this step needs {(step.requires ?? []).filter((requirement) => networkRequirements.has(requirement)).join(', ')}.
            </p>
            <p>{step.offlineAlternative ? <>Instead: {step.offlineAlternative}</> : <span className="muted">The runbook gives no offline alternative.</span>}</p>
          </div>
        )}
        {(shown || expected) && (
          <div className="run-command-pair">
            {shown && (
              <div className="run-command">
                <span className="rb-command-caption">Will run</span>
                <pre className="rb-command-text">
                  <code>{shown}</code>
                </pre>
              </div>
            )}
            {expected && (
              <div className="run-expected">
                <span className="rb-command-caption">Expected</span>
                <p>{expected}</p>
              </div>
            )}
          </div>
        )}
        {step?.notes && <p className="rb-notes">{step.notes}</p>}
        {guard && (state !== 'done' || !unlocked) && (
          <fieldset className="rb-callout rb-callout-warn run-breakglass">
            <legend>Break-glass</legend>
            {guard.warning && <p>{guard.warning}</p>}
            <label htmlFor={`${ids}-target`} className="rb-label">
              Type <code>{guard.target}</code> to unlock {name}
            </label>
            <input id={`${ids}-target`} className="text-input" value={typedTarget} onChange={(event) => setTypedTarget(event.target.value)} autoComplete="off" spellCheck={false} aria-invalid={typedTarget !== '' && typedTarget.trim() !== guard.target} />
            <label htmlFor={`${ids}-reason`} className="rb-label">
              Reason for running {name}
            </label>
            <input id={`${ids}-reason`} className="text-input" value={confirmReason} onChange={(event) => setConfirmReason(event.target.value)} autoComplete="off" />
            {!unlocked && <p className="field-help">Start and Done unlock once the name matches and a reason is given; both are recorded on the timeline.</p>}
          </fieldset>
        )}
        <div className="run-actions" role="group" aria-label={`Mark ${name}`}>
          {actions[kind].map(([next, label]) => (
            <button
              key={next}
              type="button"
              className={next === 'done' ? 'rb-button rb-button-small rb-button-ok' : next === 'failed' ? 'rb-button rb-button-small rb-button-bad' : 'rb-button rb-button-small'}
              aria-label={`${label} ${name}`}
              aria-pressed={state === next}
              disabled={busy || state === next || ((next === 'running' || next === 'done') && !unlocked)}
              onClick={() => void setState(next)}
            >
              {label}
            </button>
          ))}
          <button type="button" className="rb-button rb-button-small" aria-label={`Skip ${name}`} aria-expanded={skipping} disabled={busy || state === 'skipped'} onClick={() => setSkipping((open) => !open)}>
            Skip
          </button>
          {state !== 'pending' && (
            <button type="button" className="rb-button rb-button-small rb-button-quiet" aria-label={`Reset ${name} to pending`} disabled={busy} onClick={() => void setState('pending')}>
              Reset
            </button>
          )}
          {command && shown && kind !== 'exit' && (
            <RunInTerminal
              run={run}
              itemKey={key}
              name={name}
              shown={shown}
              disabled={busy || !unlocked || missingEverywhere.length > 0}
              prepare={guard && state !== 'running' ? () => setState('running') : undefined}
              onStatus={setCopyStatus}
              onError={setError}
            />
          )}
          {command && (
            <button type="button" className="rb-button rb-button-small" aria-label={`Copy command of ${name}`} disabled={!unlocked || missing.length > 0} onClick={() => void copyFor(runnableCommand(run, command, secrets), '')}>
              Copy
            </button>
          )}
        </div>
        {command && guard && !unlocked && <p className="field-help">Run in terminal and Copy unlock with the break-glass confirmation.</p>}
        {missing.length > 0 && (
          <p className="field-help rb-text-warn">
            Needs {missing.join(', ')}: set {missing.length === 1 ? 'it' : 'them'} under Variables (above) to {missingEverywhere.length ? 'run or copy' : 'copy'} this command.
            {missingEverywhere.length < missing.length && ' Secret values are not kept across reloads; Run in terminal still works while this console’s host holds them.'}
          </p>
        )}
        <p role="status" className="run-copy-status">
          {copyStatus}
        </p>
        {skipping && (
          <form className="run-skip" onSubmit={skip}>
            <label htmlFor={`${ids}-skip`} className="rb-label">
              Why skip {name}?
            </label>
            <div className="rb-inline">
              <input id={`${ids}-skip`} className="text-input rb-grow" value={skipReason} onChange={(event) => setSkipReason(event.target.value)} autoFocus autoComplete="off" />
              <button type="submit" className="rb-button rb-button-small" disabled={busy}>
                Skip {kindNames[kind]}
              </button>
              <button type="button" className="rb-button rb-button-small rb-button-quiet" onClick={() => setSkipping(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
        {error && (
          <p role="alert" className="rb-alert">
            {error}
          </p>
        )}
        {kind === 'step' && state === 'failed' && step && (
          <div className="rb-callout rb-callout-bad run-rollback">
            <p>
              <strong>Rollback.</strong> {step.rollbackProcedure ?? (step.rollbackCommand ? 'Run the rollback command.' : 'This runbook gives no rollback for this step: escalate if you are unsure.')}
            </p>
            {rollbackShown && (
              <>
                <pre className="rb-command-text">
                  <code>{rollbackShown}</code>
                </pre>
                <button
                  type="button"
                  className="rb-button rb-button-small"
                  aria-label={`Copy rollback command of ${name}`}
                  disabled={rollbackMissing.length > 0}
                  onClick={() => void copyFor(runnableCommand(run, step.rollbackCommand!, secrets), ' the rollback command')}
                >
                  Copy rollback command
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
