// Status updates in the shape of the team's template (seed 000, "Status template"), and a draft prefilled
// from what the incident already knows, so the communications lead edits rather than types at 3 a.m.
import { updateStatusFor, type Evidence, type Incident, type StatusUpdateFields, type TimelineEvent } from '../../contract';
import { statusUpdateCadenceMinutes } from '../../contract/incidentDeadlines';
export { renderStatusUpdate } from '../../contract';

export function evidenceRef(evidence: Evidence): string {
  return `${evidence.name} (sha256:${evidence.sha256.slice(0, 12)})`;
}

/**
 * The draft says where the incident stands and proposes the next update at the playbook's cadence; once
 * the incident is resolved there is no next update, so the draft proposes none.
 */
export function draftStatusUpdate(incident: Incident, lastUpdate: TimelineEvent | undefined, evidence: Evidence[], now: Date): StatusUpdateFields {
  const previous = lastUpdate?.data.fields as StatusUpdateFields | undefined;
  const status = updateStatusFor(incident.status);
  const scope = [...incident.services, ...incident.tenants.map((tenant) => `tenant ${tenant}`)];
  const cadence = statusUpdateCadenceMinutes(status);
  return {
    status,
    impact: previous?.impact ?? (scope.length ? scope.join(', ') : incident.title),
    hypothesis: previous?.hypothesis ?? '',
    actionsCompleted: previous?.actionsCompleted ?? [],
    nextUpdateAt: cadence === undefined ? null : new Date(now.getTime() + cadence * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    evidenceRefs: evidence.map(evidenceRef),
  };
}
