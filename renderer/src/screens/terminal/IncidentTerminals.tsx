// The incident view's Terminal tab: the incident's terminals (every command recorded on its timeline) and
// the commands typed there that no runbook holds yet (folded while the incident runs, so the terminal has
// the room; open once it is resolved, when the team turns to what the runbooks lacked).
import { useEffect } from 'react';
import { TerminalTabs } from './TerminalTabs';
import { connectTerminalStore } from './terminalStore';
import { UntrackedCommands } from './UntrackedCommands';

export function IncidentTerminals({ incidentId, humanId, incidentOver }: { incidentId: string; humanId: string; incidentOver: boolean }) {
  useEffect(connectTerminalStore, []);
  return (
    <div className="incident-terminals">
      <TerminalTabs scope={incidentId} label={`Terminals of ${humanId}`} emptyText={`No terminal for ${humanId} yet. Each command you run in one is recorded on the timeline with its exit code and output, secrets redacted.`} />
      <UntrackedCommands incidentId={incidentId} incidentOver={incidentOver} />
    </div>
  );
}
