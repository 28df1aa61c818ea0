// Moving the incident along its lifecycle: only the moves the playbook allows from here are offered.
// Closing is final, so it asks once more; resolving asks when work is still open (ResolveGuard). A refused
// move shows the host's own words.
import { useState } from 'react';
import { allowedTransitions, errorMessage, type Incident, type IncidentStatus } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useIncidents } from './incidentsStore';
import { useResolveGuard } from './ResolveGuard';
import { statusLabel } from './statusLabels';

export function StatusControls({ incident }: { incident: Incident }) {
  const applyIncident = useIncidents((state) => state.applyIncident);
  const [busy, setBusy] = useState<IncidentStatus>();
  const [confirmClose, setConfirmClose] = useState(false);
  const [error, setError] = useState<string>();
  const next = allowedTransitions[incident.status];
  const resolveGuard = useResolveGuard(incident);

  const move = async (status: IncidentStatus) => {
    setBusy(status);
    setError(undefined);
    try {
      applyIncident(await hostClient.call('incidents.setStatus', { incidentId: incident.id, status }));
      setConfirmClose(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="status-controls">
      <div role="group" aria-label="Change status" className="status-moves">
        <span className="status-moves-label" aria-hidden="true">
          {next.length ? 'Move to' : 'Closed: no further moves'}
        </span>
        {next.map((status) =>
          status === 'closed' && !confirmClose ? (
            <button key={status} type="button" className="button status-move" onClick={() => setConfirmClose(true)} disabled={Boolean(busy)} aria-label="Move to closed">
              Closed
            </button>
          ) : status === 'closed' ? (
            <span key={status} className="status-confirm">
              <button type="button" className="button inc-button-danger status-move" onClick={() => void move('closed')} disabled={Boolean(busy)}>
                Confirm close
              </button>
              <button type="button" className="button status-move" onClick={() => setConfirmClose(false)}>
                Keep open
              </button>
            </span>
          ) : (
            <button
              key={status}
              type="button"
              className={`button status-move status-move-${status}`}
              onClick={() => void (status === 'resolved' ? resolveGuard.confirmResolve(() => void move(status)) : move(status))}
              disabled={Boolean(busy) || resolveGuard.checking}
              aria-busy={busy === status || (status === 'resolved' && resolveGuard.checking)}
              aria-label={`Move to ${status}`}
            >
              {statusLabel(status)}
            </button>
          ),
        )}
      </div>
      {error && (
        <p role="alert" className="inc-alert inc-alert-inline">
          {error}
        </p>
      )}
      {resolveGuard.dialog}
    </div>
  );
}
