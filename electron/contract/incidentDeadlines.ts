// What an incident still owes, and by when: the first response within its severity's time, and status
// updates at the playbook's cadence (seed 000, "Communication and Status Update Minimum"). Both end once
// the incident is resolved: a resolved or closed incident owes no acknowledgement and no further update,
// so nothing about it can be overdue. One source for the host (the draft's ETA) and the console (what the
// phase bar and the composer say), so the two never disagree.
import { statusUpdateCheckpoints, type Incident, type IncidentStatus, type StatusUpdateFields, type TimelineEvent } from './incidents';

export function deadlinesStopped(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'closed';
}

const checkpoint = (id: (typeof statusUpdateCheckpoints)[number]['id']) => statusUpdateCheckpoints.find((candidate) => candidate.id === id)!;

/**
 * Minutes from one update to the next while the incident is in `status`: every 30 while it is worked, 15
 * once recovery is being validated (monitoring); none once it is resolved.
 */
export function statusUpdateCadenceMinutes(status: IncidentStatus): number | undefined {
  if (deadlinesStopped(status)) return undefined;
  return checkpoint(status === 'monitoring' ? 'recovery' : 'mitigation').maxDelayMinutes;
}

export interface StatusUpdateDue {
  /** Epoch ms the next update is due; undefined when none is (the incident is resolved or closed). */
  dueAt?: number;
  label: string;
  /** Epoch ms of the last update posted. */
  lastAt?: number;
}

/**
 * When the next status update is due: within 10 minutes of declaring for the first, then at the ETA the
 * last one gave (or the cadence, if it gave none); nothing once the incident is resolved or closed.
 */
export function statusUpdateDue(incident: Incident, lastUpdate: Pick<TimelineEvent, 'occurredAt' | 'data'> | undefined): StatusUpdateDue {
  const lastAt = lastUpdate ? Date.parse(lastUpdate.occurredAt) : undefined;
  if (deadlinesStopped(incident.status)) {
    const endedAt = Date.parse(incident.resolvedAt ?? incident.closedAt ?? incident.updatedAt);
    const summarised = lastAt !== undefined && lastAt >= endedAt;
    return { label: summarised ? 'None due, final update posted' : `None due, the incident is ${incident.status}`, lastAt };
  }
  if (lastAt === undefined) {
    const declared = checkpoint('declared');
    return { dueAt: Date.parse(incident.detectedAt) + declared.maxDelayMinutes * 60_000, label: `First update, within ${declared.maxDelayMinutes} min of declaring`, lastAt };
  }
  const fields = lastUpdate!.data.fields as Partial<StatusUpdateFields> | undefined;
  const eta = typeof fields?.nextUpdateAt === 'string' ? Date.parse(fields.nextUpdateAt) : Number.NaN;
  if (!Number.isNaN(eta)) return { dueAt: eta, label: 'Next update, at the ETA of the last one', lastAt };
  // The last update gave no ETA (a resolution update, since re-opened): the cadence runs from it.
  return { dueAt: lastAt + statusUpdateCadenceMinutes(incident.status)! * 60_000, label: 'Next update, at the playbook cadence', lastAt };
}
