// One line of plain text per timeline event, in the responder's words. Shared by the console, the CLI
// and the exported reports, so an event reads the same everywhere. Robust to data it does not expect
// (events from newer versions or other devices), because the timeline is never rewritten.
import type { TimelineEvent } from './incidents';

type Data = Record<string, unknown>;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : value === undefined || value === null ? fallback : JSON.stringify(value));
const firstLine = (value: unknown): string => text(value).split('\n')[0] ?? '';

const describers: Record<string, (data: Data) => string> = {
  declared: (d) => `Incident declared: ${text(d.title)} (${text(d.severity)})${d.triggerId ? `, trigger ${text(d.triggerId)}` : ''}${d.drill ? ' [drill]' : ''}`,
  note: (d) => text(d.text),
  correction: (d) => `Correction: ${text(d.text)}`,
  status_changed: (d) => `Status ${text(d.from)} → ${text(d.to)}`,
  severity_changed: (d) => `Severity ${text(d.from)} → ${text(d.to)}`,
  roles_changed: (d) => {
    const roles = (d.to ?? {}) as Data;
    const responders = Array.isArray(roles.responders) ? roles.responders.join(', ') : '';
    return `Roles: commander ${text(roles.commander, '—') || '—'}, communications ${text(roles.communicationsLead, '—') || '—'}${responders ? `, responders ${responders}` : ''}`;
  },
  page_received: (d) => `Page received: ${text(d.summary ?? d.alertId ?? d.title)}`,
  runbook_step: (d) => `Runbook step ${text(d.step ?? d.order)} ${text(d.state)}${d.title ? `: ${text(d.title)}` : ''}`,
  command_run: (d) => `Ran \`${firstLine(d.command)}\`${d.exitCode !== undefined ? ` (exit ${text(d.exitCode)})` : ''}`,
  evidence_added: (d) => `Evidence added: ${text(d.name)}${typeof d.sha256 === 'string' ? ` (sha256:${d.sha256.slice(0, 12)})` : ''}`,
  status_update: (d) => `Status update posted: ${firstLine(((d.fields ?? {}) as Data).status)} (${firstLine(((d.fields ?? {}) as Data).impact)})`,
  action_item: (d) => {
    const item = (d.item ?? {}) as Data;
    return `Action item ${text(d.action, 'changed')}: ${text(item.title)}${item.done === true ? ' (done)' : ''}`;
  },
  postmortem_updated: (d) => `Post-mortem updated${Array.isArray(d.changed) && d.changed.length ? `: ${d.changed.join(', ')}` : ''}`,
};

export function describeTimelineEvent(event: Pick<TimelineEvent, 'kind' | 'data'>): string {
  const describe = describers[event.kind];
  try {
    return describe ? describe(event.data ?? {}) : `${event.kind}: ${JSON.stringify(event.data)}`;
  } catch {
    return `${event.kind}: ${JSON.stringify(event.data)}`;
  }
}
