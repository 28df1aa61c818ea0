// Resolving asks once more when work is still open (runbook steps, action items, terminals), saying what
// and how much; with nothing open it resolves at once. Used by the status moves and by a status update
// that announces "resolved", so neither path skips the question.
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage, type Incident, type RunbookRun } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { connectTerminalStore, terminalsIn, useTerminals } from '../terminal/terminalStore';
import { Dialog } from './Dialog';
import { useIncidents } from './incidentsStore';
import { openWorkLines, openWorkOf } from './resolveChecks';

interface Question {
  lines: string[];
  resolve: () => void;
}

export interface ResolveGuard {
  /** Runs `resolve` at once when nothing is open, else after the responder confirms. */
  confirmResolve(resolve: () => void): Promise<void>;
  checking: boolean;
  /** The question, while it is asked; render it anywhere. */
  dialog: ReactNode;
}

export function useResolveGuard(incident: Incident): ResolveGuard {
  const [question, setQuestion] = useState<Question>();
  const [checking, setChecking] = useState(false);
  // The incident's terminals are followed while its view is open; counted, so this shares the connection.
  useEffect(connectTerminalStore, []);

  const confirmResolve = async (resolve: () => void) => {
    setChecking(true);
    let runs: RunbookRun[] = [];
    const lines: string[] = [];
    try {
      runs = await hostClient.call('runs.list', { incidentId: incident.id });
    } catch (error) {
      lines.push(`Runbook steps could not be checked: ${errorMessage(error)}`);
    } finally {
      setChecking(false);
    }
    const detail = useIncidents.getState().detail;
    const actionItems = detail?.incident.id === incident.id ? detail.actionItems : [];
    lines.unshift(...openWorkLines(openWorkOf(runs, actionItems, terminalsIn(useTerminals.getState().byId, incident.id))));
    if (!lines.length) resolve();
    else setQuestion({ lines, resolve });
  };

  const dialog = question && (
    <Dialog title={`Resolve ${incident.humanId} with work still open?`} description="Resolving stops the response and status-update deadlines." onClose={() => setQuestion(undefined)}>
      <form
        className="inc-form"
        aria-label="Still open"
        onSubmit={(event) => {
          event.preventDefault();
          setQuestion(undefined);
          question.resolve();
        }}
      >
        <ul>
          {question.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="form-actions inc-dialog-actions">
          <button type="button" className="button" data-autofocus onClick={() => setQuestion(undefined)}>
            Keep working
          </button>
          <button type="submit" className="button inc-button-danger">
            Resolve anyway
          </button>
        </div>
      </form>
    </Dialog>
  );

  return { confirmResolve, checking, dialog };
}
