// Changing severity within the incident's own scheme (the host refuses levels of another scheme).
import { errorMessage } from '../../../../electron/contract';
import { useId, useState } from 'react';
import type { Incident } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useIncidents } from './incidentsStore';
import { schemeOf } from './severity';

export function SeverityControl({ incident }: { incident: Incident }) {
  const applyIncident = useIncidents((state) => state.applyIncident);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const scheme = schemeOf(incident.severityScheme);

  const change = async (severity: string) => {
    setBusy(true);
    setError(undefined);
    try {
      applyIncident(await hostClient.call('incidents.setSeverity', { incidentId: incident.id, severity }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="severity-control">
      <label htmlFor={id}>Severity</label>
      <select id={id} className="text-input" value={incident.severity} disabled={busy || incident.status === 'closed'} onChange={(event) => void change(event.target.value)} aria-describedby={error ? `${id}-error` : undefined}>
        {scheme.levels.map((level) => (
          <option key={level.id} value={level.id} title={level.definition}>
            {level.label} · {level.responseText}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} role="alert" className="inc-alert inc-alert-inline">
          {error}
        </p>
      )}
    </div>
  );
}
