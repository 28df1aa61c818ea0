// The incident log on this laptop: filters on top, then one row per incident (newest first by default).
// Arrow keys move between rows; Enter opens one. Refreshes itself when the host reports a change.
import { useRef, type KeyboardEvent } from 'react';
import { IncidentsIcon } from '../../app/icons';
import { useConsole } from '../../state/consoleStore';
import { EmptyState } from '../ScreenFrame';
import { DrillBadge } from './DrillBadge';
import { IncidentFilters } from './IncidentFilters';
import { useIncidents } from './incidentsStore';
import { SeverityBadge } from './SeverityBadge';
import { StatusBadge } from './StatusBadge';
import { UtcTime } from './UtcTime';

export function IncidentList({ onDeclare }: { onDeclare: () => void }) {
  const { incidents, snippets, listLoaded, listError, filters, setFilters, open } = useIncidents();
  const dataDir = useConsole((state) => state.app?.dataDir);
  const tableRef = useRef<HTMLTableElement>(null);
  const filtered = Boolean(filters.status || filters.severity || filters.query.trim());

  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...(tableRef.current?.querySelectorAll<HTMLButtonElement>('.inc-open') ?? [])];
    const at = buttons.indexOf(event.currentTarget);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : at + (event.key === 'ArrowDown' ? 1 : -1);
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
    event.preventDefault();
  };

  return (
    <div className="inc-list">
      <IncidentFilters />
      {listError && (
        <p role="alert" className="inc-alert">
          Could not load incidents: {listError}
        </p>
      )}
      {listLoaded && incidents.length === 0 && !listError ? (
        filtered ? (
          <div className="inc-empty-filtered">
            <p>No incidents match {filters.query.trim() ? `“${filters.query.trim()}”` : 'these filters'}.</p>
            <button type="button" className="button" onClick={() => setFilters({ status: '', severity: '', query: '' })}>
              Clear filters
            </button>
          </div>
        ) : (
          <EmptyState title="No incidents on this laptop" Icon={IncidentsIcon}>
            <p>Incidents, their UTC timelines and their evidence are kept on this device, so the log keeps working when the network, the pager or chat does not.</p>
            <button type="button" className="button button-primary inc-empty-action" onClick={onDeclare}>
              Declare the first incident
            </button>
          </EmptyState>
        )
      ) : (
        <div className="inc-table-wrap">
          <table className="inc-table" ref={tableRef} aria-label="Incidents" aria-busy={!listLoaded}>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Title</th>
                <th scope="col">Severity</th>
                <th scope="col">Status</th>
                <th scope="col">Detected (UTC)</th>
                <th scope="col">Updated (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id} onClick={() => open(incident.id)} className={`inc-row status-row-${incident.status}`}>
                  <td className="inc-id">{incident.humanId}</td>
                  <td className="inc-title-cell">
                    <button type="button" className="inc-open" onKeyDown={moveFocus} onClick={(event) => {
                        event.stopPropagation();
                        open(incident.id);
                      }} aria-label={`${incident.title} (${incident.humanId})`}>
                      {incident.title}
                    </button>
                    {incident.drill && <DrillBadge />}
                    {snippets[incident.id] && <p className="inc-snippet">{renderSnippet(snippets[incident.id]!)}</p>}
                  </td>
                  <td>
                    <SeverityBadge scheme={incident.severityScheme} severity={incident.severity} />
                  </td>
                  <td>
                    <StatusBadge status={incident.status} />
                  </td>
                  <td className="inc-time">
                    <UtcTime iso={incident.detectedAt} format="short" />
                  </td>
                  <td className="inc-time">
                    <UtcTime iso={incident.updatedAt} format="short" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dataDir && (
        <p className="muted inc-data-dir">
          Stored on this laptop in <code>{dataDir}</code>
        </p>
      )}
    </div>
  );
}

/** The host marks matches with « »; show them highlighted, never as HTML. */
function renderSnippet(snippet: string) {
  return snippet.split(/(«[^»]*»)/).map((part, index) => (part.startsWith('«') ? <mark key={index}>{part.slice(1, -1)}</mark> : part));
}
