// One line per timeline event, in a responder's words: what happened, not the JSON behind it.
import { describeTimelineEvent, formatBytes, type IncidentRoles, type StatusUpdateFields, type TimelineEvent, type TimelineKind } from '../../../../electron/contract';
import { statusLabel } from './statusLabels';

const kindLabels: Partial<Record<TimelineKind, string>> = {
  declared: 'Declared',
  note: 'Note',
  status_changed: 'Status',
  severity_changed: 'Severity',
  roles_changed: 'Roles',
  page_received: 'Page',
  runbook_variables: 'Runbook variables',
  runbook_step: 'Runbook step',
  command_run: 'Command',
  evidence_added: 'Evidence',
  status_update: 'Status update',
  action_item: 'Action item',
  postmortem_updated: 'Post-mortem',
  correction: 'Correction',
};

/** The kind's label; kinds added later (or synced from a newer device) read as their own name. */
export function kindLabel(kind: string): string {
  const label = kindLabels[kind as TimelineKind];
  if (label) return label;
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

const postmortemFieldLabels: Record<string, string> = {
  summary: 'summary',
  impact: 'impact',
  rootCause: 'root cause',
  fiveWhys: '5 whys',
  wentWell: 'what went well',
  toImprove: 'what to improve',
  lessons: 'lessons',
};

export function describeEvent(event: TimelineEvent): string {
  const data = event.data;
  switch (event.kind) {
    case 'declared': {
      const parts = [`Declared ${str(data.severity)}: ${str(data.title)}`];
      if (data.triggerId) parts.push(`trigger ${str(data.triggerId)}`);
      if (data.drill) parts.push('drill');
      return parts.join(' · ');
    }
    case 'note':
    case 'correction':
      return str(data.text);
    case 'status_changed':
      return `Status ${str(data.from)} → ${str(data.to)}${data.byStatusUpdate ? ' (with a status update)' : ''}`;
    case 'severity_changed':
      return `Severity ${str(data.from)} → ${str(data.to)}`;
    case 'roles_changed':
      return describeRoles(data.from as IncidentRoles | undefined, data.to as IncidentRoles | undefined);
    case 'evidence_added':
      return [str(data.name), typeof data.size === 'number' ? formatBytes(data.size) : '', data.sha256 ? `sha256 ${str(data.sha256).slice(0, 12)}` : ''].filter(Boolean).join(' · ');
    case 'status_update': {
      const fields = data.fields as StatusUpdateFields | undefined;
      if (!fields) return firstLine(str(data.text));
      return `${statusLabel(fields.status)} · Impact: ${fields.impact} · ${fields.nextUpdateAt ? `Next update ${fields.nextUpdateAt.slice(11, 16)} UTC` : 'No further updates'}`;
    }
    case 'action_item':
      return describeActionItem(data);
    case 'postmortem_updated': {
      const changed = Array.isArray(data.changed) ? (data.changed as string[]) : [];
      return changed.length ? `Post-mortem saved: ${changed.map((key) => postmortemFieldLabels[key] ?? key).join(', ')} changed` : 'Post-mortem saved (no changes)';
    }
    default:
      // Runbook steps, commands run in a terminal, pages and kinds this console does not know yet: the wording
      // shared with the CLI and exports.
      return describeTimelineEvent(event);
  }
}

function describeRoles(from: IncidentRoles | undefined, to: IncidentRoles | undefined): string {
  if (!to) return 'Roles changed';
  const changes: string[] = [];
  const show = (value: string) => value || 'nobody';
  if (from?.commander !== to.commander) changes.push(`Commander ${show(from?.commander ?? '')} → ${show(to.commander)}`);
  if (from?.communicationsLead !== to.communicationsLead) changes.push(`Comms lead ${show(from?.communicationsLead ?? '')} → ${show(to.communicationsLead)}`);
  if (JSON.stringify(from?.responders ?? []) !== JSON.stringify(to.responders)) changes.push(`Responders: ${to.responders.join(', ') || 'none'}`);
  return changes.join(' · ') || 'Roles saved (no changes)';
}

function describeActionItem(data: Record<string, unknown>): string {
  const item = data.item as { title?: string; owner?: string; due?: string | null; priority?: string; done?: boolean } | undefined;
  if (!item) return generic(data);
  if (data.action === 'added') return `Added ${item.priority ?? ''} “${item.title ?? ''}”${item.owner ? ` · owner ${item.owner}` : ''}${item.due ? ` · due ${item.due}` : ''}`;
  const changed = Array.isArray(data.changed) ? (data.changed as string[]) : [];
  if (changed.length === 1 && changed[0] === 'done') return `${item.done ? 'Done' : 'Reopened'}: “${item.title ?? ''}”`;
  const details = changed.filter((key) => key !== 'done').map((key) => (key === 'owner' ? `owner ${item.owner || 'nobody'}` : key === 'due' ? `due ${item.due ?? 'none'}` : key === 'priority' ? `priority ${item.priority}` : key));
  if (changed.includes('done')) details.unshift(item.done ? 'done' : 'reopened');
  return `Updated “${item.title ?? ''}”: ${details.join(', ') || 'no changes'}`;
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim()) ?? '';
  return line.length > 240 ? `${line.slice(0, 240)}…` : line;
}

function generic(data: Record<string, unknown>): string {
  const json = JSON.stringify(data);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
