// Handing a command from a runbook run to the incident's terminal: which terminal takes it (the one shown
// in the incident, else any running one, else a new one) and bringing it into view afterwards.
import type { TerminalInfo } from '../../../../electron/contract';
import { shownTerminal, terminalsIn, useTerminals } from './terminalStore';
import { existingSession } from './sessionRegistry';

/** The running terminal a command would go to, or undefined when a new one has to be opened. */
export function plannedTerminal(incidentId: string): TerminalInfo | undefined {
  const state = useTerminals.getState();
  const shown = shownTerminal(state, incidentId);
  if (shown?.state === 'running') return shown;
  return terminalsIn(state.byId, incidentId).find((info) => info.state === 'running');
}

export async function terminalForIncident(incidentId: string): Promise<TerminalInfo> {
  const existing = plannedTerminal(incidentId);
  if (existing) return existing;
  // 100×30 until the view fits it: the incident's terminal tab is not on screen yet.
  const opened = await useTerminals.getState().open(incidentId, { cols: 100, rows: 30 });
  return whenPromptShown(opened);
}

/** How long a new shell may take to show its first prompt before a command is typed anyway. */
const firstPromptWaitMs = 5_000;
const lineEditorSettleMs = 200;

/**
 * A new shell is given its first command once it shows its prompt (capture no longer 'waiting'): typed
 * earlier, the command would be echoed twice (once by the terminal, once by the shell's line editor).
 */
function whenPromptShown(info: TerminalInfo): Promise<TerminalInfo> {
  const settled = (candidate: TerminalInfo | undefined) => !candidate || candidate.capture !== 'waiting' || candidate.state !== 'running';
  if (settled(info)) return Promise.resolve(info);
  return new Promise((resolve) => {
    const finish = () => {
      window.clearTimeout(timer);
      stop();
      resolve(useTerminals.getState().byId[info.id] ?? info);
    };
    const timer = window.setTimeout(finish, firstPromptWaitMs);
    const stop = useTerminals.subscribe((state) => {
      // The shell reports in just before it draws the prompt; its line editor takes over a moment later.
      if (settled(state.byId[info.id])) window.setTimeout(finish, lineEditorSettleMs);
    });
  });
}

/** Shows the terminal (the incident view switches to its Terminal tab) and gives it the keyboard. */
export function revealTerminal(terminalId: string): void {
  useTerminals.getState().showTerminal(terminalId);
  requestAnimationFrame(() => requestAnimationFrame(() => existingSession(terminalId)?.focus()));
}
