// Where the incident's time went: one phase per stay in a status (from the status_changed events and the
// detection time), the response target of its severity, and when the next status update is due
// (the playbook's checkpoints: first within 10 minutes of declaring, then at the ETA each update sets).
// Neither runs once the incident is resolved or closed.
import type { Incident, IncidentStatus, TimelineEvent } from '../../../../electron/contract';
import { deadlinesStopped, statusUpdateDue, type StatusUpdateDue } from '../../../../electron/contract/incidentDeadlines';
import { levelOf } from './severity';

export interface Phase {
  status: IncidentStatus;
  start: number;
  /** Undefined for the phase the incident is in now. */
  end?: number;
}

export function phasesOf(detectedAt: string, events: readonly TimelineEvent[]): Phase[] {
  const phases: Phase[] = [{ status: 'detected', start: Date.parse(detectedAt) }];
  for (const event of events) {
    if (event.kind !== 'status_changed') continue;
    const at = Date.parse(event.occurredAt);
    phases[phases.length - 1]!.end = at;
    phases.push({ status: event.data.to as IncidentStatus, start: at });
  }
  return phases;
}

export interface ResponseTarget {
  minutes?: number;
  text: string;
  /** How long the first response took (detected → first move), or undefined while still detected. */
  tookMs?: number;
  state: 'met' | 'missed' | 'running' | 'overdue' | 'none';
  /** Time left (running) or over (overdue/missed). */
  marginMs?: number;
}

export function responseTarget(incident: Incident, phases: readonly Phase[], now: number): ResponseTarget {
  const level = levelOf(incident.severityScheme, incident.severity);
  const minutes = level?.responseMinutes;
  const text = level?.responseText ?? 'No response time for this severity';
  const first = phases[0]!;
  // The first move ends the first phase; until the timeline has loaded, the record's acknowledgement says when.
  const firstMoveAt = first.end ?? (incident.acknowledgedAt ? Date.parse(incident.acknowledgedAt) : undefined);
  const tookMs = firstMoveAt === undefined ? undefined : firstMoveAt - first.start;
  if (minutes === undefined) return { text, tookMs, state: 'none' };
  const limit = minutes * 60_000;
  if (tookMs !== undefined) return { minutes, text, tookMs, state: tookMs <= limit ? 'met' : 'missed', marginMs: Math.abs(limit - tookMs) };
  // Resolved without a recorded first move (e.g. synced from a device that skipped it): nothing to wait for.
  if (deadlinesStopped(incident.status)) return { minutes, text, state: 'none' };
  const elapsed = now - first.start;
  return elapsed <= limit ? { minutes, text, state: 'running', marginMs: limit - elapsed } : { minutes, text, state: 'overdue', marginMs: elapsed - limit };
}

/** When the next status update is due (the contract's rule, shared with the host). */
export type UpdateDue = StatusUpdateDue;

export function lastStatusUpdate(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  for (let index = events.length - 1; index >= 0; index--) if (events[index]!.kind === 'status_update') return events[index];
  return undefined;
}

export function nextUpdateDue(incident: Incident, last: TimelineEvent | undefined): UpdateDue {
  return statusUpdateDue(incident, last);
}
