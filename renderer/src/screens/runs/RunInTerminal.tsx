// "Run in terminal" for a checklist item: shows the exact command (secrets masked) and asks before anything
// is typed; then picks the incident's terminal (or opens one), hands the command over and shows the
// terminal. A step goes through terminals.runStep: the host types it with the secret values it holds, links
// the captured command to the step and sets the step's state from its exit code. A check without secrets
// is typed as it is shown.
import { useState } from 'react';
import { HoldfastError, type RunbookRun } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { Dialog, DialogActions } from '../incidents/Dialog';
import { errorText } from '../runbooks/RunbookParts';
import { plannedTerminal, revealTerminal, terminalForIncident } from '../terminal/terminalHandOff';
import '../../styles/terminal.css';

export interface RunInTerminalProps {
  run: RunbookRun;
  itemKey: string;
  /** "step 2", "check 1". */
  name: string;
  /** The command as displayed (secrets masked). */
  shown: string;
  /** For checks only: the text to type. Steps are typed by the host. */
  typed?: string;
  disabled: boolean;
  /** Runs before the hand-off (a break-glass step is marked running with its confirmation first). */
  prepare?: () => Promise<boolean>;
  onStatus: (text: string) => void;
  onError: (text: string) => void;
}

export function RunInTerminal({ run, itemKey, name, shown, typed, disabled, prepare, onStatus, onError }: RunInTerminalProps) {
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);

  const ask = () => {
    onError('');
    setConfirming(plannedTerminal(run.incidentId)?.title ?? 'a new terminal');
  };

  const hand = async () => {
    setConfirming(undefined);
    setBusy(true);
    try {
      if (prepare && !(await prepare())) return;
      const terminal = await terminalForIncident(run.incidentId);
      if (typed === undefined) await hostClient.call('terminals.runStep', { terminalId: terminal.id, runId: run.id, key: itemKey });
      else await hostClient.call('terminals.input', { terminalId: terminal.id, data: `\x15${typed}\r` });
      revealTerminal(terminal.id);
      onStatus(typed === undefined ? `Sent ${name} to ${terminal.title}; its state follows the command's exit code.` : `Sent ${name} to ${terminal.title}.`);
    } catch (failure) {
      const message = failure instanceof HoldfastError ? failure.message : errorText(failure);
      onError(`Could not run ${name} in a terminal: ${message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="rb-button rb-button-small rb-button-primary run-terminal" aria-label={`Run ${name} in terminal`} disabled={disabled || busy} onClick={ask}>
        Run in terminal
      </button>
      {confirming && (
        <Dialog title={`Run this command in ${confirming}?`} description={`${capitalised(name)} of ${run.runbook.title}. It is typed into the terminal and run as shown; secret values are filled in by Holdfast and never displayed.`} onClose={() => setConfirming(undefined)} wide>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void hand();
            }}
          >
            <pre className="rb-command-text run-confirm-command">
              <code>{shown}</code>
            </pre>
            <DialogActions onCancel={() => setConfirming(undefined)} submitLabel="Run" autoFocusSubmit />
          </form>
        </Dialog>
      )}
    </>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
