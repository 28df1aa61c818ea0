// The status lifecycle: which moves are allowed, and which milestone timestamps a move sets.
import { allowedTransitions, HoldfastError, incidentStatuses, type Incident, type IncidentStatus } from '../../contract';

export function checkTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (from === to) throw new HoldfastError('conflict', `The incident is already ${to}.`);
  const allowed = allowedTransitions[from];
  if (!allowed.includes(to)) {
    const choices = allowed.length ? `From ${from} it can move to: ${allowed.join(', ')}.` : `A ${from} incident cannot change status.`;
    throw new HoldfastError('conflict', `Cannot move the incident from ${from} to ${to}. ${choices}`);
  }
}

const order = (status: IncidentStatus) => incidentStatuses.indexOf(status);

/** The milestone timestamps after moving to `to` at `at`: first times are kept, re-opening clears resolution. */
export function milestonesAfter(incident: Incident, to: IncidentStatus, at: string): Pick<Incident, 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt' | 'closedAt'> {
  const reopened = order(to) < order('resolved');
  return {
    acknowledgedAt: incident.acknowledgedAt ?? (order(to) >= order('acknowledged') ? at : null),
    mitigatedAt: incident.mitigatedAt ?? (order(to) >= order('monitoring') ? at : null),
    resolvedAt: reopened ? null : (incident.resolvedAt ?? at),
    closedAt: to === 'closed' ? at : null,
  };
}
