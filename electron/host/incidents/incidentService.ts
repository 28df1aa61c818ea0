// The incident log's rules: declaring, the status lifecycle, severity and roles, notes and corrections,
// status updates, action items and the post-mortem. Every change is one transaction that also appends
// its timeline event, so the record and its history can never disagree.
import {
  emptyPostmortem,
  findSeverityScheme,
  HoldfastError,
  type ActionItem,
  type Incident,
  type IncidentDetail,
  type IncidentRoles,
  type IncidentStatus,
  type IncidentSummary,
  type ParamsOf,
  type Postmortem,
  type StatusUpdateFields,
  type TimelineEvent,
  type TimelineKind,
} from '../../contract';
import type { EventHub } from '../eventHub';
import { verifyChains, type ChainProblem } from '../store/hashChain';
import { formatHumanId, newUlid } from '../store/identifiers';
import type { IncidentStore } from '../store/incidentStore';
import { checkTransition, milestonesAfter, statusAfterUpdate } from './lifecycle';
import { draftStatusUpdate, renderStatusUpdate } from './statusUpdates';

export interface IncidentServiceOptions {
  store: IncidentStore;
  events?: EventHub;
  /** Who is acting: the responder's name from settings, else the OS user. */
  author: () => string;
  defaultSeverityScheme: () => string;
  now?: () => Date;
}

export type DeclareInput = ParamsOf<'incidents.declare'>;
export type ListInput = ParamsOf<'incidents.list'>;

export class IncidentService {
  readonly store: IncidentStore;
  readonly deviceId: string;
  private readonly deviceCode: string;
  private readonly now: () => Date;
  /** Events appended by the running transaction, announced once it commits. */
  private pending: TimelineEvent[] = [];

  constructor(private readonly options: IncidentServiceOptions) {
    this.store = options.store;
    ({ deviceId: this.deviceId, deviceCode: this.deviceCode } = this.store.deviceIdentity());
    this.now = options.now ?? (() => new Date());
  }

  declare(input: DeclareInput): Incident {
    const schemeId = input.severityScheme ?? this.options.defaultSeverityScheme();
    const scheme = findSeverityScheme(schemeId);
    if (!scheme) throw new HoldfastError('invalid_params', `Unknown severity scheme "${schemeId}".`, [{ path: 'params.severityScheme', message: 'unknown severity scheme' }]);
    const level = scheme.levels.find((candidate) => candidate.id.toLowerCase() === input.severity.toLowerCase());
    if (!level) {
      throw new HoldfastError('invalid_params', `Unknown severity "${input.severity}" for ${scheme.name}; use one of: ${scheme.levels.map((l) => l.id).join(', ')}.`, [
        { path: 'params.severity', message: `must be one of ${scheme.levels.map((l) => l.id).join(', ')}` },
      ]);
    }
    const at = this.timestamp();
    const author = this.options.author();
    return this.commitThenAnnounce(() => {
      const year = this.now().getUTCFullYear();
      const created: Incident = {
        id: newUlid(),
        humanId: formatHumanId(year, this.store.nextIncidentCounter(year), this.deviceCode),
        title: input.title,
        severityScheme: scheme.id,
        severity: level.id,
        status: 'detected',
        triggerId: input.triggerId ?? '',
        services: input.services ?? [],
        tenants: input.tenants ?? [],
        roles: { commander: input.commander ?? '', communicationsLead: '', responders: [] },
        runbooks: [],
        drill: input.drill ?? false,
        detectedAt: at,
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: null,
        closedAt: null,
        createdBy: author,
        deviceId: this.deviceId,
        updatedAt: at,
        postmortem: emptyPostmortem,
      };
      this.store.insertIncident(created);
      this.store.indexText(created.id, 'title', created.id, created.title);
      this.append(created, 'declared', { title: created.title, severity: created.severity, severityScheme: created.severityScheme, triggerId: created.triggerId, drill: created.drill }, at, author);
      return created;
    }, (created) => created);
  }

  require(idOrHumanId: string): Incident {
    const incident = this.store.findIncident(idOrHumanId);
    if (!incident) throw new HoldfastError('not_found', `No incident "${idOrHumanId}" in this data folder.`);
    return incident;
  }

  detail(idOrHumanId: string): IncidentDetail {
    const incident = this.require(idOrHumanId);
    return { incident, actionItems: this.store.actionItems(incident.id), evidence: this.store.evidenceFor(incident.id), timelineCount: this.store.timelineCount(incident.id) };
  }

  list(input: ListInput = {}): IncidentSummary[] {
    const ids = input.query?.trim() ? this.store.incidentsMatching(input.query) : undefined;
    return this.store.listIncidents({ status: input.status, severity: input.severity, sort: input.sort, ids });
  }

  timeline(idOrHumanId: string, afterSeq?: number, limit?: number): TimelineEvent[] {
    return this.store.timeline(this.require(idOrHumanId).id, afterSeq, limit);
  }

  addNote(idOrHumanId: string, text: string): TimelineEvent {
    return this.record(idOrHumanId, (incident, at, author) => {
      const event = this.append(incident, 'note', { text }, at, author);
      this.store.indexText(incident.id, 'note', event.id, text);
      return event;
    });
  }

  /** Timeline events are never edited: a correction is a new event that points at the one it corrects. */
  addCorrection(idOrHumanId: string, eventId: string, text: string): TimelineEvent {
    return this.record(idOrHumanId, (incident, at, author) => {
      if (!this.store.hasEvent(incident.id, eventId)) {
        throw new HoldfastError('not_found', `Event ${eventId} is not on ${incident.humanId}'s timeline.`);
      }
      const event = this.append(incident, 'correction', { correctsEventId: eventId, text }, at, author);
      this.store.indexText(incident.id, 'note', event.id, text);
      return event;
    });
  }

  setStatus(idOrHumanId: string, status: IncidentStatus): Incident {
    return this.update(idOrHumanId, (incident, at, author) => this.moved(incident, status, at, author));
  }

  setSeverity(idOrHumanId: string, severity: string): Incident {
    return this.update(idOrHumanId, (incident, at, author) => {
      const scheme = findSeverityScheme(incident.severityScheme)!;
      const level = scheme.levels.find((candidate) => candidate.id.toLowerCase() === severity.toLowerCase());
      if (!level) throw new HoldfastError('invalid_params', `Unknown severity "${severity}" for ${scheme.name}; use one of: ${scheme.levels.map((l) => l.id).join(', ')}.`, [{ path: 'params.severity', message: 'unknown severity' }]);
      if (level.id === incident.severity) throw new HoldfastError('conflict', `The incident is already ${level.id}.`);
      this.append(incident, 'severity_changed', { from: incident.severity, to: level.id }, at, author);
      return { ...incident, severity: level.id };
    });
  }

  setRoles(idOrHumanId: string, roles: IncidentRoles): Incident {
    return this.update(idOrHumanId, (incident, at, author) => {
      this.append(incident, 'roles_changed', { from: incident.roles, to: roles }, at, author);
      return { ...incident, roles };
    });
  }

  statusUpdateDraft(idOrHumanId: string): { fields: StatusUpdateFields; text: string } {
    const incident = this.require(idOrHumanId);
    const lastUpdate = this.store.fullTimeline(incident.id).findLast((event) => event.kind === 'status_update');
    const fields = draftStatusUpdate(incident, lastUpdate, this.store.evidenceFor(incident.id), this.now());
    return { fields, text: renderStatusUpdate(incident.humanId, this.timestamp(), fields) };
  }

  /**
   * Posts an update. One that announces a later status than the incident's moves the incident there first
   * (its own status_changed event, same author and time), so the header and the update never disagree;
   * one that would move it back is refused (see statusAfterUpdate).
   */
  postStatusUpdate(idOrHumanId: string, fields: StatusUpdateFields): TimelineEvent {
    return this.record(idOrHumanId, (incident, at, author) => {
      const moveTo = statusAfterUpdate(incident.status, fields.status);
      if (moveTo) this.store.updateIncident({ ...this.moved(incident, moveTo, at, author, { byStatusUpdate: true }), updatedAt: at });
      const text = renderStatusUpdate(incident.humanId, at, fields);
      const event = this.append(incident, 'status_update', { fields, text }, at, author);
      this.store.indexText(incident.id, 'status_update', event.id, text);
      return event;
    });
  }

  addActionItem(idOrHumanId: string, input: Omit<ParamsOf<'incidents.addActionItem'>, 'incidentId'>): ActionItem {
    return this.record(idOrHumanId, (incident, at, author) => {
      const item: ActionItem = { id: newUlid(), incidentId: incident.id, title: input.title, owner: input.owner, due: input.due, priority: input.priority, done: false, updatedAt: at };
      this.store.insertActionItem(item);
      this.append(incident, 'action_item', { action: 'added', item }, at, author);
      return item;
    });
  }

  updateActionItem(input: ParamsOf<'incidents.updateActionItem'>): ActionItem {
    const existing = this.store.findActionItem(input.actionItemId);
    if (!existing) throw new HoldfastError('not_found', `No action item ${input.actionItemId}.`);
    return this.record(existing.incidentId, (incident, at, author) => {
      const { actionItemId: _id, ...patch } = input;
      const item: ActionItem = { ...existing, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)), updatedAt: at };
      this.store.updateActionItem(item);
      this.append(incident, 'action_item', { action: 'updated', item, changed: Object.keys(patch) }, at, author);
      return item;
    });
  }

  savePostmortem(idOrHumanId: string, postmortem: Postmortem): Incident {
    return this.update(idOrHumanId, (incident, at, author) => {
      const changed = (Object.keys(postmortem) as (keyof Postmortem)[]).filter((key) => JSON.stringify(postmortem[key]) !== JSON.stringify(incident.postmortem[key]));
      this.append(incident, 'postmortem_updated', { changed }, at, author);
      return { ...incident, postmortem };
    });
  }

  verifyTimeline(idOrHumanId: string): { ok: boolean; eventsChecked: number; problems: ChainProblem[] } {
    const events = this.store.fullTimeline(this.require(idOrHumanId).id);
    const problems = verifyChains(events);
    return { ok: problems.length === 0, eventsChecked: events.length, problems };
  }

  /** Appends an event of any kind (pages, runbook steps, commands, evidence) inside the caller's transaction. */
  append(incident: Incident, kind: TimelineKind, data: Record<string, unknown>, at = this.timestamp(), author = this.options.author()): TimelineEvent {
    const event = this.store.appendEvent({ incidentId: incident.id, kind, occurredAt: at, author, deviceId: this.deviceId, data });
    this.pending.push(event);
    return event;
  }

  /** Runs a change to an incident in one transaction, then announces what it appended. */
  record<T>(idOrHumanId: string, change: (incident: Incident, at: string, author: string) => T): T {
    const at = this.timestamp();
    const author = this.options.author();
    let incident: Incident | undefined;
    return this.commitThenAnnounce(() => {
      incident = this.require(idOrHumanId);
      return change(incident, at, author);
    }, () => incident!);
  }

  /**
   * How declare and every recorded change commit: `work` runs in one transaction, and the events it
   * appended are announced only once that commits. Whatever fails (a refused rule, SQLITE_BUSY, a full disk, a
   * constraint checked at COMMIT) rolls the events back, so they are dropped here rather than announced
   * with the next change that succeeds.
   */
  private commitThenAnnounce<T>(work: () => T, changedIncident: (result: T) => Incident): T {
    try {
      const result = this.store.transaction(work);
      this.changed(changedIncident(result));
      return result;
    } finally {
      this.pending = [];
    }
  }

  /** The incident after a status move, with its status_changed event appended (inside the caller's transaction). */
  private moved(incident: Incident, status: IncidentStatus, at: string, author: string, details: Record<string, unknown> = {}): Incident {
    checkTransition(incident.status, status);
    this.append(incident, 'status_changed', { from: incident.status, to: status, ...details }, at, author);
    return { ...incident, status, ...milestonesAfter(incident, status, at) };
  }

  private update(idOrHumanId: string, change: (incident: Incident, at: string, author: string) => Incident): Incident {
    return this.record(idOrHumanId, (incident, at, author) => {
      const next = { ...change(incident, at, author), updatedAt: at };
      this.store.updateIncident(next);
      return next;
    });
  }

  private changed(incident: Incident): void {
    const appended = this.pending;
    this.pending = [];
    for (const event of appended) this.options.events?.emit('timeline.appended', event);
    this.options.events?.emit('incident.changed', { incidentId: incident.id, humanId: incident.humanId });
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}
