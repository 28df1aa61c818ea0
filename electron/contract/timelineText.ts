// One readable line per timeline event, shared by the console, the CLI and the exported reports so an
// event reads the same everywhere. Event data is whatever was recorded (older versions, other devices via
// sync, future kinds), so every field is read defensively and an unknown kind still gets a line.
import type { TimelineEvent } from './incidents';
import { formatBytes, utcText } from './units';

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const record = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter(Boolean) : []);
const joined = (...parts: string[]) => parts.filter(Boolean).join(', ');
const paren = (inner: string) => (inner ? ` (${inner})` : '');

/** Describes an event; `byId` lets a correction say which entry it corrects. */
export function describeTimelineEvent(event: Pick<TimelineEvent, 'kind' | 'data'>, byId: Map<string, Pick<TimelineEvent, 'occurredAt' | 'kind'>> = new Map()): string {
  const data = record(event.data);
  const kind = String(event.kind);
  switch (kind) {
    case 'declared':
      return `Incident declared${text(data.title) ? `: ${text(data.title)}` : ''}${paren(joined(text(data.severity), text(data.triggerId) && `trigger ${text(data.triggerId)}`, data.drill === true ? 'drill' : ''))}`;
    case 'note':
      return `Note: ${text(data.text)}`;
    case 'status_changed':
      return `Status changed${text(data.from) ? ` from ${text(data.from)}` : ''} to ${text(data.to) || 'unknown'}`;
    case 'severity_changed':
      return `Severity changed${text(data.from) ? ` from ${text(data.from)}` : ''} to ${text(data.to) || 'unknown'}`;
    case 'roles_changed':
      return `Roles changed: ${describeRoles(record(data.to))}`;
    case 'page_received':
      return `Page received${paren(joined(text(data.alertId), text(data.triggerId), text(data.source)))}${pageSummary(data)}`;
    case 'runbook_started':
      return `Runbook started: ${text(data.title) || text(data.runbookId)}`;
    case 'runbook_variables':
      return describeRunbookVariables(data);
    case 'runbook_step':
      return describeRunbookStep(data);
    case 'command_run':
      return describeCommandRun(data);
    case 'evidence_added':
      return `Evidence added: ${text(data.name) || 'unnamed'}${paren(joined(typeof data.size === 'number' ? formatBytes(data.size) : '', text(data.sha256) && `sha256:${text(data.sha256).slice(0, 12)}`))}`;
    case 'status_update':
      return describeStatusUpdate(record(data.fields));
    case 'action_item':
      return describeActionItem(data);
    case 'postmortem_updated':
      return `Post-mortem updated${paren(list(data.changed).join(', '))}`;
    case 'correction':
      return `Correction${correctedEntry(text(data.correctsEventId), byId)}: ${text(data.text)}`;
    default:
      return `${kind.replace(/_/g, ' ') || 'event'}${unknownDetails(event.data)}`;
  }
}

function describeRoles(roles: Data): string {
  const parts = [
    text(roles.commander) && `commander ${text(roles.commander)}`,
    text(roles.communicationsLead) && `communications lead ${text(roles.communicationsLead)}`,
    list(roles.responders).length ? `responders ${list(roles.responders).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'all roles cleared';
}

function pageSummary(data: Data): string {
  const summary = text(data.summary) || text(data.title) || text(data.message);
  return summary ? `: ${summary}` : '';
}

/** What happened to a checklist item, in a verb: "Step 2 started", "Step 2 done", "Exit criterion 1 met". */
const itemStateWords: Record<string, string> = { running: 'started', done: 'done', skipped: 'skipped', failed: 'failed', pending: 'reset to pending' };

// What changed comes first ("Step 2 done: Purge the cache (runbook …)"), so two entries about one step differ
// in the part a narrow timeline row still shows.
function describeRunbookStep(data: Data): string {
  const label = text(data.step);
  const item = /^\d+$/.test(label) ? `Step ${label}` : label ? label.charAt(0).toUpperCase() + label.slice(1) : 'Runbook step';
  const title = text(data.title) || text(data.stepId);
  const runbook = text(data.runbookTitle) || text(data.runbook) || text(data.runbookId);
  const state = text(data.state) || text(data.outcome) || text(data.status) || text(data.result);
  const exitCriterion = text(data.key).startsWith('exit:') || label.startsWith('exit criterion');
  const change = state === 'done' && exitCriterion ? 'met' : (itemStateWords[state] ?? state);
  const why = text(data.reason) && `reason: ${text(data.reason)}`;
  const confirmation = record(data.confirmation);
  const brokeGlass = text(confirmation.target) && `break-glass confirmed for ${text(confirmation.target)}: ${text(confirmation.reason)}`;
  return `${item}${change ? ` ${change}` : ''}${title ? `: ${title}` : ''}${paren(joined(runbook && `runbook ${runbook}`, why, brokeGlass))}`;
}

function describeRunbookVariables(data: Data): string {
  const previous = record(data.previous);
  const plain = Object.entries(record(data.variables)).map(([name, value]) => (text(previous[name]) ? `${name}=${text(value)} (was ${text(previous[name])})` : `${name}=${text(value)}`));
  const secrets = list(data.secretVariables).map((name) => `${name} (secret, not shown)`);
  const runbook = text(data.title) || text(data.runbookId);
  return `Runbook variables set: ${[...plain, ...secrets].join(', ') || 'none changed'}${paren(runbook && `runbook ${runbook}`)}`;
}

function describeCommandRun(data: Data): string {
  if (data.capture === 'unavailable') return `Terminal ${text(data.terminal) || ''}: commands are not being captured${text(data.reason) ? ` (${text(data.reason)})` : ''}`.replace('Terminal :', 'Terminal:');
  const line = text(data.command) || text(data.commandLine) || 'command text not captured';
  const duration = typeof data.durationMs === 'number' ? formatDuration(data.durationMs) : '';
  const step = text(data.stepKey) ? `runbook ${text(data.stepKey).replace(':', ' ')}` : '';
  const ending = text(data.unfinished) ? `still running when ${text(data.unfinished)}` : exitCode(data.exitCode);
  return `Command run: ${line}${paren(joined(ending, duration, step, text(data.host)))}`;
}

function formatDuration(ms: number): string {
  // Rounded once, to the unit shown, so 59.96 s reads "1 min 0 s" rather than "60.0 s", and 119.6 s "2 min 0 s" rather than "1 min 60 s".
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function exitCode(value: unknown): string {
  return typeof value === 'number' ? `exit ${value}` : '';
}

function describeStatusUpdate(fields: Data): string {
  const status = text(fields.status);
  const impact = text(fields.impact);
  return `Status update posted${status ? `: ${status}` : ''}${impact ? ` — impact: ${impact}` : ''}`;
}

function describeActionItem(data: Data): string {
  const item = record(data.item);
  const title = text(item.title) || 'untitled';
  const details = joined(text(item.owner) && `owner ${text(item.owner)}`, text(item.priority), text(item.due) && `due ${text(item.due)}`);
  if (data.action === 'added') return `Action item added: ${title}${paren(details)}`;
  const changed = list(data.changed);
  if (changed.includes('done')) return `Action item ${item.done === true ? 'completed' : 're-opened'}: ${title}`;
  return `Action item updated: ${title}${paren(changed.length ? `changed ${changed.join(', ')}` : details)}`;
}

function correctedEntry(eventId: string, byId: Map<string, Pick<TimelineEvent, 'occurredAt' | 'kind'>>): string {
  if (!eventId) return '';
  const corrected = byId.get(eventId);
  return corrected ? ` to the ${corrected.kind.replace(/_/g, ' ')} of ${utcText(corrected.occurredAt)}` : ` to event ${eventId}`;
}

function unknownDetails(data: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch {
    json = undefined; // cyclic or otherwise unprintable: the kind alone still says something happened
  }
  if (!json || json === '{}' || json === 'null') return '';
  return `: ${json.length > 200 ? `${json.slice(0, 199)}…` : json}`;
}
