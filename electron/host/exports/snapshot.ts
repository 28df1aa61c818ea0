// Everything an export needs about one incident, read in one read transaction so the documents and the
// bundle describe the same moment even while the console keeps appending to the timeline.
import type { ActionItem, Evidence, Incident, TimelineEvent } from '../../contract';
import type { IncidentLog } from '../incidentLog';

export interface IncidentSnapshot {
  incident: Incident;
  actionItems: ActionItem[];
  evidence: Evidence[];
  timeline: TimelineEvent[];
  /** When the export was taken (UTC ISO): "ongoing" durations are measured to here. */
  exportedAt: string;
}

export function takeSnapshot(log: IncidentLog, incidentId: string, now: Date): IncidentSnapshot {
  const { store } = log.incidents;
  // A deferred (read) transaction: a consistent view without taking the write lock the console needs.
  const read = store.db.transaction(() => {
    const incident = log.incidents.require(incidentId);
    return { incident, actionItems: store.actionItems(incident.id), evidence: store.evidenceFor(incident.id), timeline: store.fullTimeline(incident.id) };
  });
  return { ...read(), exportedAt: now.toISOString() };
}
