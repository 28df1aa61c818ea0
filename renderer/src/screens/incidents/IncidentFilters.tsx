// Search, filters and sort of the incident list. The search asks the host (full-text over titles, notes,
// status updates and text evidence), debounced so typing stays smooth.
import { useEffect, useId, useState } from 'react';
import { incidentStatuses, severitySchemes, type IncidentStatus } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import { SearchIcon } from './incidentIcons';
import { useIncidents, type SortKey } from './incidentsStore';
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

  // The workspace's scheme first: that is what new incidents use.
  const schemes = [...severitySchemes].sort((a, b) => Number(b.id === workspaceScheme) - Number(a.id === workspaceScheme));

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
          {schemes.map((scheme) => (
            <optgroup key={scheme.id} label={scheme.name}>
              {scheme.levels.map((level) => (
                <option key={`${scheme.id}:${level.id}`} value={level.id}>
                  {level.label}
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
