// Facts both Markdown reports derive from the record (who resolved it, how long it took, what the last
// status update said), computed once here so the post-mortem and the log entry never disagree.
import { findSeverityScheme, type Incident, type TimelineEvent } from '../../contract';
import { durationBetween, utcTime } from './markdownText';
import type { IncidentSnapshot } from './snapshot';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** "SEV1 (SEV1 High)" where the scheme knows a longer label, else the id as recorded. */
export function severityText(incident: Incident): string {
  const level = findSeverityScheme(incident.severityScheme)?.levels.find((candidate) => candidate.id === incident.severity);
  return level && level.label !== level.id ? `${incident.severity} (${level.label})` : incident.severity;
}

/** The incident is over for reporting once it has a resolution time (closing keeps it). */
export function resolutionAt(incident: Incident): string | null {
  return incident.resolvedAt ?? incident.closedAt;
}

export interface DurationFacts {
  start: string;
  end: string;
  total: string;
  ongoing: boolean;
}

export function durationFacts(snapshot: IncidentSnapshot): DurationFacts {
  const { incident, exportedAt } = snapshot;
  const resolved = resolutionAt(incident);
  return {
    start: utcTime(incident.detectedAt),
    end: resolved ? utcTime(resolved) : `ongoing at export (${utcTime(exportedAt)})`,
    total: durationBetween(incident.detectedAt, resolved ?? exportedAt),
    ongoing: !resolved,
  };
}

function lastStatusChangeTo(timeline: TimelineEvent[], status: string): TimelineEvent | undefined {
  return timeline.findLast((event) => event.kind === 'status_changed' && event.data && (event.data as Record<string, unknown>).to === status);
}

/** Who moved it to resolved (the latest time, if it was re-opened and resolved again). */
export function resolvedBy(snapshot: IncidentSnapshot): string {
  if (!resolutionAt(snapshot.incident)) return '';
  return lastStatusChangeTo(snapshot.timeline, 'resolved')?.author ?? '';
}

export interface StatusUpdateFacts {
  status: string;
  impact: string;
  hypothesis: string;
  actionsCompleted: string[];
}

export function lastStatusUpdate(snapshot: IncidentSnapshot): StatusUpdateFacts | undefined {
  const event = snapshot.timeline.findLast((candidate) => candidate.kind === 'status_update');
  const fields = event?.data?.fields;
  if (!fields || typeof fields !== 'object') return undefined;
  const record = fields as Record<string, unknown>;
  const actions = Array.isArray(record.actionsCompleted) ? record.actionsCompleted.map(text).filter(Boolean) : [];
  return { status: text(record.status), impact: text(record.impact), hypothesis: text(record.hypothesis), actionsCompleted: actions };
}

/** The post-mortem's own impact text, else what the last status update told people. */
export function impactText(snapshot: IncidentSnapshot): string {
  return snapshot.incident.postmortem.impact.trim() || lastStatusUpdate(snapshot)?.impact || '';
}

export function affectedScope(incident: Incident): string {
  return [...incident.services, ...incident.tenants.map((tenant) => `tenant ${tenant}`)].join(', ');
}

/** How it was detected: the trigger or page, who declared it, and how long until someone acknowledged. */
export function detectionText(snapshot: IncidentSnapshot): string {
  const { incident, timeline } = snapshot;
  const page = timeline.find((event) => event.kind === 'page_received');
  const lines = [`Declared at ${utcTime(incident.detectedAt)} by ${incident.createdBy || 'unknown'}${incident.triggerId ? `, trigger ${incident.triggerId}` : ''}.`];
  if (page) lines.push(`First page received at ${utcTime(page.occurredAt)}.`);
  lines.push(incident.acknowledgedAt ? `Acknowledged at ${utcTime(incident.acknowledgedAt)} (${durationBetween(incident.detectedAt, incident.acknowledgedAt) || '0s'} after detection).` : 'Not acknowledged at export time.');
  return lines.join('\n');
}

/** How it was resolved: the milestones, then the actions the last status update listed. */
export function resolutionText(snapshot: IncidentSnapshot): string {
  const { incident } = snapshot;
  const lines: string[] = [];
  if (incident.mitigatedAt) lines.push(`Mitigated at ${utcTime(incident.mitigatedAt)} (${durationBetween(incident.detectedAt, incident.mitigatedAt) || '0s'} after detection).`);
  const resolved = resolutionAt(incident);
  if (resolved) lines.push(`Resolved at ${utcTime(resolved)} (${durationBetween(incident.detectedAt, resolved) || '0s'} after detection)${resolvedBy(snapshot) ? ` by ${resolvedBy(snapshot)}` : ''}.`);
  else lines.push(`Not resolved at export time (status: ${incident.status}).`);
  const actions = lastStatusUpdate(snapshot)?.actionsCompleted ?? [];
  if (actions.length) lines.push('', 'Actions completed (from the last status update):', ...actions.map((action) => `- ${action.replace(/\s*\n\s*/g, ' ')}`));
  return lines.join('\n');
}
