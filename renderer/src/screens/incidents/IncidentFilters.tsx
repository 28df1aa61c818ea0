// Search, filters and sort of the incident list. The search asks the host (full-text over titles, notes,
// status updates and text evidence), debounced so typing stays smooth.
import { useEffect, useId, useState } from 'react';
import { incidentStatuses, type IncidentStatus } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import { SearchIcon } from './incidentIcons';
import { useIncidents, type SortKey } from './incidentsStore';
import { levelChoiceText, severityFilterChoices } from './severity';
import { statusLabel } from './statusLabels';

const sortLabels: Record<SortKey, string> = { detected: 'Newest detected', updated: 'Recently updated', severity: 'Most severe' };

export function IncidentFilters() {
  const filters = useIncidents((state) => state.filters);
  const setFilters = useIncidents((state) => state.setFilters);
  const workspaceScheme = useConsole((state) => state.settings?.severityScheme);
  const [query, setQuery] = useState(filters.query);
  const ids = { search: useId(), status: useId(), severity: useId(), sort: useId() };

  // Follow the store when the query is changed elsewhere ("Clear filters").
  useEffect(() => setQuery(filters.query), [filters.query]);

  useEffect(() => {
    if (query === useIncidents.getState().filters.query) return;
    const timer = setTimeout(() => setFilters({ query }), 250);
    return () => clearTimeout(timer);
  }, [query, setFilters]);

  // The workspace's levels by themselves (what new incidents use), then each other playbook's scheme under
  // its own name, every level in the same words: "SEV0 · critical", "P1 · critical".
  const severityChoices = severityFilterChoices(workspaceScheme);

  return (
    <div className="inc-filters" role="search" aria-label="Find incidents">
      <div className="inc-filter inc-search">
        <label htmlFor={ids.search}>Search</label>
        <div className="inc-search-box">
          <SearchIcon />
          <input
            id={ids.search}
            type="search"
            className="text-input"
            value={query}
            placeholder="Words from titles, notes, updates, evidence"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') setFilters({ query });
            }}
          />
        </div>
      </div>
      <div className="inc-filter">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} className="text-input" value={filters.status} onChange={(event) => setFilters({ status: event.target.value as IncidentStatus | '' })}>
          <option value="">All statuses</option>
          {incidentStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="inc-filter">
        <label htmlFor={ids.severity}>Severity</label>
        <select id={ids.severity} className="text-input" value={filters.severity} onChange={(event) => setFilters({ severity: event.target.value })}>
          <option value="">All severities</option>
          {severityChoices.workspace.levels.map((level) => (
            <option key={level.id} value={level.id} title={level.definition}>
              {levelChoiceText(level)}
            </option>
          ))}
          {severityChoices.others.map(({ scheme, levels }) => (
            <optgroup key={scheme.id} label={`Other scheme: ${scheme.name}`}>
              {levels.map((level) => (
                <option key={level.id} value={level.id} title={level.definition}>
                  {levelChoiceText(level)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="inc-filter">
        <label htmlFor={ids.sort}>Sort by</label>
        <select id={ids.sort} className="text-input" value={filters.sort} onChange={(event) => setFilters({ sort: event.target.value as SortKey })}>
          {(Object.keys(sortLabels) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
