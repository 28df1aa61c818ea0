// "Run in terminal" for a step or check: shows the exact command (secrets masked) and asks before anything
// is typed; then picks the incident's terminal (or opens one), hands the item over and shows the terminal.
// The host types the command (it holds the secret values), refuses a shell busy with another command, links
// the captured command to the item and, for a step, sets its state from the exit code.
import { useState } from 'react';
import { errorMessage, HoldfastError, type RunbookRun } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { Dialog, DialogActions } from '../incidents/Dialog';
import { plannedTerminal, revealTerminal, terminalForIncident } from '../terminal/terminalHandOff';
import '../../styles/terminal.css';

export interface RunInTerminalProps {
  run: RunbookRun;
  itemKey: string;
  /** "step 2", "check 1". */
  name: string;
  /** The command as displayed (secrets masked). */
  shown: string;
  disabled: boolean;
  /** Runs before the hand-off (a break-glass step is marked running with its confirmation first). */
  prepare?: () => Promise<boolean>;
  onStatus: (text: string) => void;
  onError: (text: string) => void;
}

export function RunInTerminal({ run, itemKey, name, shown, disabled, prepare, onStatus, onError }: RunInTerminalProps) {
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
      const { followsExitCode } = await hostClient.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: itemKey });
      revealTerminal(terminal.id);
      onStatus(`Sent ${name} to ${terminal.title}; ${afterHandOff(itemKey, followsExitCode, terminal.title)}`);
    } catch (failure) {
      const message = failure instanceof HoldfastError ? failure.message : errorMessage(failure);
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

function afterHandOff(itemKey: string, followsExitCode: boolean, terminal: string): string {
  if (followsExitCode) return "its state follows the command's exit code.";
  if (itemKey.startsWith('verify:')) return 'compare its output with what is expected, then mark it.';
  return `${terminal} does not report exit codes to Holdfast: mark the step yourself.`;
}
