// Where the incident's time went: one phase per stay in a status (from the status_changed events and the
// detection time), the response target of its severity, and when the next status update is due
// (the playbook's checkpoints: first within 10 minutes of declaring, then at the ETA each update sets).
import { statusUpdateCheckpoints, type Incident, type IncidentStatus, type StatusUpdateFields, type TimelineEvent } from '../../../../electron/contract';
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
  const tookMs = first.end === undefined ? undefined : first.end - first.start;
  if (minutes === undefined) return { text, tookMs, state: 'none' };
  const limit = minutes * 60_000;
  if (tookMs !== undefined) return { minutes, text, tookMs, state: tookMs <= limit ? 'met' : 'missed', marginMs: Math.abs(limit - tookMs) };
  const elapsed = now - first.start;
  return elapsed <= limit ? { minutes, text, state: 'running', marginMs: limit - elapsed } : { minutes, text, state: 'overdue', marginMs: elapsed - limit };
}

export interface UpdateDue {
  /** Epoch ms the next update is due, or undefined when none is (closed and summarised). */
  dueAt?: number;
  label: string;
  lastAt?: number;
}

const checkpoint = (id: (typeof statusUpdateCheckpoints)[number]['id']) => statusUpdateCheckpoints.find((candidate) => candidate.id === id)!;

export function lastStatusUpdate(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  for (let index = events.length - 1; index >= 0; index--) if (events[index]!.kind === 'status_update') return events[index];
  return undefined;
}

export function nextUpdateDue(incident: Incident, last: TimelineEvent | undefined): UpdateDue {
  const lastAt = last ? Date.parse(last.occurredAt) : undefined;
  if (incident.status === 'closed') {
    const closedAt = Date.parse(incident.closedAt ?? incident.updatedAt);
    if (lastAt !== undefined && lastAt >= closedAt) return { label: 'Final update posted', lastAt };
    const closing = checkpoint('closed');
    return { dueAt: closedAt + closing.maxDelayMinutes * 60_000, label: `Final update (${closing.required.toLowerCase()})`, lastAt };
  }
  if (!last) {
    const declared = checkpoint('declared');
    return { dueAt: Date.parse(incident.detectedAt) + declared.maxDelayMinutes * 60_000, label: `First update, within ${declared.maxDelayMinutes} min of declaring`, lastAt };
  }
  const fields = last.data.fields as StatusUpdateFields | undefined;
  const eta = fields?.nextUpdateAt ? Date.parse(fields.nextUpdateAt) : Number.NaN;
  const cadence = checkpoint(incident.status === 'monitoring' || incident.status === 'resolved' ? 'recovery' : 'mitigation').maxDelayMinutes;
  return { dueAt: Number.isNaN(eta) ? lastAt! + cadence * 60_000 : eta, label: 'Next update, at the ETA of the last one', lastAt };
}
