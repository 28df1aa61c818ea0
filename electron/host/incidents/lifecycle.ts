// The status lifecycle: which moves are allowed, which milestone timestamps a move sets, and where a status
// update takes the incident.
import {
  allowedTransitions,
  HoldfastError,
  lifecycleOrder as order,
  statusUpdateChoices,
  type Incident,
  type IncidentStatus,
  type StatusUpdateStatus,
} from '../../contract';

export function checkTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (from === to) throw new HoldfastError('conflict', `The incident is already ${to}.`);
  const allowed = allowedTransitions[from];
  if (!allowed.includes(to)) {
    const choices = allowed.length ? `From ${from} it can move to: ${allowed.join(', ')}.` : `A ${from} incident cannot change status.`;
    throw new HoldfastError('conflict', `Cannot move the incident from ${from} to ${to}. ${choices}`);
  }
}

/**
 * The status an update saying `said` moves an incident in `current` to: a later status the lifecycle
 * allows next, or none when the update says where the incident already stands. An update never moves the
 * incident back (re-opening work is its own, deliberate status change) nor past the next allowed step.
 */
export function statusAfterUpdate(current: IncidentStatus, said: StatusUpdateStatus): IncidentStatus | undefined {
  const choices = statusUpdateChoices(current);
  if (!choices.includes(said)) {
    const why =
      order(said) < order(current)
        ? `the incident is already ${current}, and an update cannot move it back. If the work regressed, move the incident to ${said} first, then post the update.`
        : `from ${current} the incident can move only to ${allowedTransitions[current].join(', ') || 'nothing'}.`;
    throw new HoldfastError('conflict', `This update says "${said}", but ${why}`, [{ path: 'params.fields.status', message: `must be one of ${choices.join(', ')} while the incident is ${current}` }]);
  }
  return order(said) > order(current) ? said : undefined;
}

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
