// Status updates in the shape of the team's template (seed 000, "Status template"), and a draft prefilled
// from what the incident already knows, so the communications lead edits rather than types at 3 a.m.
import type { Evidence, Incident, StatusUpdateFields, TimelineEvent } from '../../contract';
export { renderStatusUpdate } from '../../contract';

/** Minutes to the next update: every 30 while working the incident, 15 after recovery (seed 000). */
export function nextUpdateDelayMinutes(status: StatusUpdateFields['status']): number {
  return status === 'monitoring' || status === 'resolved' ? 15 : 30;
}


export function toUpdateStatus(status: Incident['status']): StatusUpdateFields['status'] {
  if (status === 'mitigating' || status === 'monitoring' || status === 'resolved') return status;
  if (status === 'closed') return 'resolved';
  return 'investigating';
}

export function evidenceRef(evidence: Evidence): string {
  return `${evidence.name} (sha256:${evidence.sha256.slice(0, 12)})`;
}

export function draftStatusUpdate(incident: Incident, lastUpdate: TimelineEvent | undefined, evidence: Evidence[], now: Date): StatusUpdateFields {
  const previous = lastUpdate?.data.fields as StatusUpdateFields | undefined;
  const status = toUpdateStatus(incident.status);
  const scope = [...incident.services, ...incident.tenants.map((tenant) => `tenant ${tenant}`)];
  return {
    status,
    impact: previous?.impact ?? (scope.length ? scope.join(', ') : incident.title),
    hypothesis: previous?.hypothesis ?? '',
    actionsCompleted: previous?.actionsCompleted ?? [],
    nextUpdateAt: new Date(now.getTime() + nextUpdateDelayMinutes(status) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    evidenceRefs: evidence.map(evidenceRef),
  };
}
