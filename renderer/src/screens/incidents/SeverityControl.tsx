// Changing severity within the incident's own scheme (the host refuses levels of another scheme). Severity
// sets the response time and who gets woken, so a change is two deliberate steps: choose a level, then
// apply it. Choosing alone (a click, or arrow keys on the focused list) changes nothing; Esc puts it back.
import { errorMessage } from '../../../../electron/contract';
import { useEffect, useId, useState } from 'react';
import type { Incident } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useIncidents } from './incidentsStore';
import { levelOf, schemeOf } from './severity';

export function SeverityControl({ incident }: { incident: Incident }) {
  const applyIncident = useIncidents((state) => state.applyIncident);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** The level chosen but not applied yet. */
  const [chosen, setChosen] = useState<string>();
  const id = useId();
  const scheme = schemeOf(incident.severityScheme);
  const pending = chosen !== undefined && chosen !== incident.severity ? levelOf(incident.severityScheme, chosen) : undefined;

  // Applied here or elsewhere (another console, the CLI): nothing is pending any more.
  useEffect(() => setChosen((current) => (current === incident.severity ? undefined : current)), [incident.severity]);

  const apply = async (severity: string) => {
    setBusy(true);
    setError(undefined);
    try {
      applyIncident(await hostClient.call('incidents.setSeverity', { incidentId: incident.id, severity }));
      setChosen(undefined);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setChosen(undefined);
    setError(undefined);
  };

  return (
    <div className="severity-control">
      <label htmlFor={id}>Severity</label>
      <select
        id={id}
        className="text-input"
        value={chosen ?? incident.severity}
        disabled={busy || incident.status === 'closed'}
        onChange={(event) => {
          setChosen(event.target.value);
          setError(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && pending) {
            event.preventDefault();
            cancel();
          }
        }}
        aria-describedby={[pending ? `${id}-pending` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
      >
        {scheme.levels.map((level) => (
          <option key={level.id} value={level.id} title={level.definition}>
            {level.label} · {level.responseText}
          </option>
        ))}
      </select>
      {pending && (
        <span className="status-confirm" role="group" aria-label="Severity change not applied yet">
          <span id={`${id}-pending`} className="muted">
            {incident.severity} → {pending.id}, not applied
          </span>
          <button type="button" className="button button-primary inc-button-small" onClick={() => void apply(pending.id)} disabled={busy}>
            {busy ? 'Applying…' : `Apply ${pending.id}`}
          </button>
          <button type="button" className="button inc-button-small" onClick={cancel} disabled={busy}>
            Keep {incident.severity}
          </button>
        </span>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="inc-alert inc-alert-inline">
          {error}
        </p>
      )}
    </div>
  );
}
