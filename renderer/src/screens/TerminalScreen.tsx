// The Terminal screen: scratch terminals (no incident; nothing goes on a timeline) and the terminals of
// the incidents being worked, one scope at a time, with a list of scopes to switch between.
import { useEffect, useState } from 'react';
import type { IncidentSummary } from '../../../electron/contract';
import { hostClient } from '../api/hostClient';
import { ScreenFrame } from './ScreenFrame';
import { TerminalTabs } from './terminal/TerminalTabs';
import { connectTerminalStore, scratchScope, useTerminals } from './terminal/terminalStore';
import '../styles/terminal.css';

export function TerminalScreen() {
  useEffect(connectTerminalStore, []);
  const incidents = useWorkedIncidents();
  const scope = useTerminals((state) => state.screenScope);
  const showScope = useTerminals((state) => state.showScope);
  const byId = useTerminals((state) => state.byId);
  const counts = new Map<string, number>();
  for (const info of Object.values(byId)) counts.set(info.incidentId ?? scratchScope, (counts.get(info.incidentId ?? scratchScope) ?? 0) + 1);
  // Incidents still being worked, and any other incident that has a terminal open.
  const listed = incidents.filter((incident) => (incident.status !== 'closed' && incident.status !== 'resolved') || counts.has(incident.id));
  const current = listed.find((incident) => incident.id === scope);
  const shownScope = current ? scope : scratchScope;

  const scopes = [
    { id: scratchScope, title: 'Scratch', detail: 'Not recorded on an incident' },
    ...listed.map((incident) => ({ id: incident.id, title: incident.title, detail: `${incident.humanId} · ${incident.severity}` })),
  ];

  return (
    <ScreenFrame title="Terminal" subtitle="A real shell beside the incident; in an incident's terminal, what you run becomes evidence.">
      <div className="terminal-screen">
        <nav className="term-scopes" aria-label="Terminal scopes">
          <h2 className="term-scopes-heading">Terminals for</h2>
          <ul>
            {scopes.map((entry) => (
              <li key={entry.id}>
                <button type="button" className="term-scope" aria-current={entry.id === shownScope ? 'true' : undefined} onClick={() => showScope(entry.id)}>
                  <span className="term-scope-title">{entry.title}</span>
                  <span className="term-scope-detail">{entry.detail}</span>
                  {counts.get(entry.id) ? (
                    <span className="term-scope-count" aria-label={`${counts.get(entry.id)} open`}>
                      {counts.get(entry.id)}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <TerminalTabs
          key={shownScope}
          scope={shownScope}
          label={current ? `Terminals of ${current.humanId}` : 'Scratch terminals'}
          emptyText={
            current
              ? `No terminal for ${current.humanId} yet. Each command you run in one is recorded on its timeline with its exit code and output, secrets redacted.`
              : 'Scratch terminals are for looking around: nothing typed here goes on an incident timeline. Open a terminal from an incident to record your commands.'
          }
        />
      </div>
    </ScreenFrame>
  );
}

/** The incident log's incidents, kept current while the screen is open. */
function useWorkedIncidents(): IncidentSummary[] {
  const [incidents, setIncidents] = useState<IncidentSummary[]>([]);
  useEffect(() => {
    let timer: number | undefined;
    const load = () =>
      hostClient
        .call('incidents.list', { sort: 'updated' })
        .then(setIncidents)
        .catch(() => {});
    void load();
    const stop = hostClient.on('incident.changed', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 300);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, []);
  return incidents;
}
