// All SQL for incidents, their timeline, action items, evidence metadata and search. Nothing else in the
// host writes SQL; services call these methods inside `transaction()`.
import type { ActionItem, Evidence, Incident, IncidentStatus, IncidentSummary, TimelineEvent, TimelineKind } from '../../contract';
import { translateSqliteError, type Db } from './database';
import { chainStart, eventHash } from './hashChain';
import { deviceCode, newDeviceId, newUlid } from './identifiers';
import { actionItemFromRow, evidenceFromRow, incidentFromRow, incidentToRow, summaryFromRow, timelineEventFromRow, type ActionItemRow, type EvidenceRow, type IncidentRow, type TimelineRow } from './rows';

export interface IncidentFilter {
  status?: IncidentStatus;
  severity?: string;
  /** Restricts to these incident ids (from a search). */
  ids?: string[];
  sort?: 'detected' | 'updated' | 'severity';
  limit?: number;
}

export interface NewTimelineEvent {
  incidentId: string;
  kind: TimelineKind;
  occurredAt: string;
  author: string;
  deviceId: string;
  data: Record<string, unknown>;
}

export interface SearchHit {
  incidentId: string;
  humanId: string;
  title: string;
  sourceKind: string;
  sourceId: string;
  snippet: string;
}

export type SearchSourceKind = 'title' | 'note' | 'status_update' | 'evidence';

const sortClauses = { detected: 'detected_at DESC', updated: 'updated_at DESC', severity: 'severity ASC, detected_at DESC' } as const;

export class IncidentStore {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      metaSet: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      insertIncident: db.prepare(`INSERT INTO incidents (id, human_id, title, severity_scheme, severity, status, trigger_id, services, tenants, roles, runbooks, drill, detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, created_by, device_id, updated_at, postmortem)
        VALUES (@id, @human_id, @title, @severity_scheme, @severity, @status, @trigger_id, @services, @tenants, @roles, @runbooks, @drill, @detected_at, @acknowledged_at, @mitigated_at, @resolved_at, @closed_at, @created_by, @device_id, @updated_at, @postmortem)`),
      updateIncident: db.prepare(`UPDATE incidents SET title = @title, severity_scheme = @severity_scheme, severity = @severity, status = @status, trigger_id = @trigger_id, services = @services, tenants = @tenants, roles = @roles, runbooks = @runbooks, drill = @drill,
        acknowledged_at = @acknowledged_at, mitigated_at = @mitigated_at, resolved_at = @resolved_at, closed_at = @closed_at, updated_at = @updated_at, postmortem = @postmortem WHERE id = @id`),
      findIncident: db.prepare<[string, string], IncidentRow>('SELECT * FROM incidents WHERE id = ? OR human_id = ? COLLATE NOCASE'),
      chainHead: db.prepare<[string, string], { hash: string }>('SELECT hash FROM timeline_events WHERE incident_id = ? AND device_id = ? ORDER BY seq DESC LIMIT 1'),
      insertEvent: db.prepare('INSERT INTO timeline_events (id, incident_id, kind, occurred_at, author, device_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      timelinePage: db.prepare<[string, number, number], TimelineRow>('SELECT * FROM timeline_events WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
      eventsAfter: db.prepare<[number, number], TimelineRow>('SELECT * FROM timeline_events WHERE seq > ? ORDER BY seq LIMIT ?'),
      maxSeq: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM timeline_events'),
      timelineAll: db.prepare<[string], TimelineRow>('SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY seq'),
      hasEvent: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM timeline_events WHERE incident_id = ? AND id = ?'),
      timelineCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM timeline_events WHERE incident_id = ?'),
      touchIncident: db.prepare('UPDATE incidents SET updated_at = ? WHERE id = ?'),
      insertActionItem: db.prepare('INSERT INTO action_items (id, incident_id, title, owner, due, priority, done, updated_at) VALUES (@id, @incident_id, @title, @owner, @due, @priority, @done, @updated_at)'),
      updateActionItem: db.prepare('UPDATE action_items SET title = @title, owner = @owner, due = @due, priority = @priority, done = @done, updated_at = @updated_at WHERE id = @id'),
      findActionItem: db.prepare<[string], ActionItemRow>('SELECT * FROM action_items WHERE id = ?'),
      actionItems: db.prepare<[string], ActionItemRow>('SELECT * FROM action_items WHERE incident_id = ? ORDER BY done, priority, due IS NULL, due, rowid'),
      insertEvidence: db.prepare('INSERT INTO evidence (id, incident_id, sha256, name, media_type, size, source, captured_at, captured_by) VALUES (@id, @incident_id, @sha256, @name, @media_type, @size, @source, @captured_at, @captured_by)'),
      evidenceFor: db.prepare<[string], EvidenceRow>('SELECT * FROM evidence WHERE incident_id = ? ORDER BY captured_at, rowid'),
      evidenceBlobs: db.prepare<[], { sha256: string; size: number }>('SELECT sha256, max(size) AS size FROM evidence GROUP BY sha256'),
      indexText: db.prepare('INSERT INTO search_index (text, incident_id, source_kind, source_id) VALUES (?, ?, ?, ?)'),
      incidentsMatching: db.prepare<[string], { incident_id: string }>('SELECT DISTINCT incident_id FROM search_index WHERE search_index MATCH ?'),
      search: db.prepare<[string, number], { incident_id: string; source_kind: string; source_id: string; snippet: string; human_id: string; title: string }>(
        `SELECT s.incident_id, s.source_kind, s.source_id, snippet(search_index, 0, '«', '»', '…', 12) AS snippet, i.human_id, i.title
         FROM search_index s JOIN incidents i ON i.id = s.incident_id
         WHERE search_index MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
      ),
    };
  }

  /** Date.now() of the last write transaction, for idle-time maintenance. */
  lastWriteAt = 0;

  /** Runs `work` in one write transaction (BEGIN IMMEDIATE: no lock upgrade deadlocks with the CLI). */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw translateSqliteError(error);
    } finally {
      this.lastWriteAt = Date.now();
    }
  }

  meta(key: string): string | undefined {
    return this.statements.metaGet.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.metaSet.run(key, value);
  }

  /** This installation's identity, created on first use. */
  deviceIdentity(): { deviceId: string; deviceCode: string } {
    return this.transaction(() => {
      let deviceId = this.meta('device_id');
      if (!deviceId) {
        deviceId = newDeviceId();
        this.setMeta('device_id', deviceId);
      }
      return { deviceId, deviceCode: deviceCode(deviceId) };
    });
  }

  /** Next number in this device's incident sequence for the year; call inside the declaring transaction. */
  nextIncidentCounter(year: number): number {
    const key = `incident_counter:${year}`;
    const next = Number(this.meta(key) ?? '0') + 1;
    this.setMeta(key, String(next));
    return next;
  }

  insertIncident(incident: Incident): void {
    this.statements.insertIncident.run(incidentToRow(incident));
  }

  updateIncident(incident: Incident): void {
    this.statements.updateIncident.run(incidentToRow(incident));
  }

  findIncident(idOrHumanId: string): Incident | undefined {
    const row = this.statements.findIncident.get(idOrHumanId, idOrHumanId);
    return row && incidentFromRow(row);
  }

  listIncidents(filter: IncidentFilter = {}): IncidentSummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push('status = ?') && params.push(filter.status);
    if (filter.severity) where.push('severity = ?') && params.push(filter.severity);
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      // One JSON parameter, however many matches: no limit on bound variables to run into.
      where.push('id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.ids));
    }
    const sql = `SELECT id, human_id, title, severity_scheme, severity, status, drill, detected_at, updated_at, trigger_id FROM incidents
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${sortClauses[filter.sort ?? 'detected']} LIMIT ?`;
    return this.db.prepare<unknown[], IncidentRow>(sql).all(...params, filter.limit ?? 500).map(summaryFromRow);
  }

  /** Appends one event to the incident's timeline, chained to this device's previous event on it. */
  appendEvent(input: NewTimelineEvent): TimelineEvent {
    const id = newUlid();
    const prevHash = this.statements.chainHead.get(input.incidentId, input.deviceId)?.hash ?? chainStart;
    const hash = eventHash({ id, ...input, prevHash });
    const { lastInsertRowid } = this.statements.insertEvent.run(id, input.incidentId, input.kind, input.occurredAt, input.author, input.deviceId, JSON.stringify(input.data), prevHash, hash);
    this.statements.touchIncident.run(input.occurredAt, input.incidentId);
    return { ...input, id, seq: Number(lastInsertRowid), prevHash, hash };
  }

  timeline(incidentId: string, afterSeq = 0, limit = 1000): TimelineEvent[] {
    return this.statements.timelinePage.all(incidentId, afterSeq, limit).map(timelineEventFromRow);
  }

  fullTimeline(incidentId: string): TimelineEvent[] {
    return this.statements.timelineAll.all(incidentId).map(timelineEventFromRow);
  }

  /** Changes whenever another connection (the CLI, a second console) commits to the database. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Events of every incident recorded after `seq`, oldest first. */
  eventsAfter(seq: number, limit = 1000): TimelineEvent[] {
    return this.statements.eventsAfter.all(seq, limit).map(timelineEventFromRow);
  }

  latestSeq(): number {
    return this.statements.maxSeq.get()?.seq ?? 0;
  }

  hasEvent(incidentId: string, eventId: string): boolean {
    return this.statements.hasEvent.get(incidentId, eventId) !== undefined;
  }

  timelineCount(incidentId: string): number {
    return this.statements.timelineCount.get(incidentId)!.n;
  }

  insertActionItem(item: ActionItem): void {
    this.statements.insertActionItem.run(actionItemRow(item));
  }

  updateActionItem(item: ActionItem): void {
    this.statements.updateActionItem.run(actionItemRow(item));
  }

  findActionItem(id: string): ActionItem | undefined {
    const row = this.statements.findActionItem.get(id);
    return row && actionItemFromRow(row);
  }

  actionItems(incidentId: string): ActionItem[] {
    return this.statements.actionItems.all(incidentId).map(actionItemFromRow);
  }

  insertEvidence(evidence: Evidence): void {
    this.statements.insertEvidence.run({
      id: evidence.id,
      incident_id: evidence.incidentId,
      sha256: evidence.sha256,
      name: evidence.name,
      media_type: evidence.mediaType,
      size: evidence.size,
      source: evidence.source,
      captured_at: evidence.capturedAt,
      captured_by: evidence.capturedBy,
    });
  }

  evidenceFor(incidentId: string): Evidence[] {
    return this.statements.evidenceFor.all(incidentId).map(evidenceFromRow);
  }

  /** Every blob the metadata refers to, once each. */
  referencedBlobs(): { sha256: string; size: number }[] {
    return this.statements.evidenceBlobs.all();
  }

  indexText(incidentId: string, sourceKind: SearchSourceKind, sourceId: string, text: string): void {
    if (text.trim()) this.statements.indexText.run(text, incidentId, sourceKind, sourceId);
  }

  /** Every incident with at least one match, however old (for filtering the incident list). */
  incidentsMatching(query: string): string[] {
    const match = toFtsQuery(query);
    return match ? this.statements.incidentsMatching.all(match).map((row) => row.incident_id) : [];
  }

  /** Newest matches first; every word of the query must match (as a prefix). */
  search(query: string, limit = 50): SearchHit[] {
    const match = toFtsQuery(query);
    if (!match) return [];
    return this.statements.search.all(match, limit).map((row) => ({ incidentId: row.incident_id, humanId: row.human_id, title: row.title, sourceKind: row.source_kind, sourceId: row.source_id, snippet: row.snippet }));
  }
}

/** Turns what a person typed into a safe FTS5 query: each word quoted (no operators) and prefix-matched. */
export function toFtsQuery(text: string): string {
  // Control characters (a NUL pasted from binary output) are not searchable text and upset SQLite's parser.
  const words = text.replace(/[\p{Cc}]/gu, ' ').split(/\s+/).map((word) => word.replace(/"/g, '')).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.map((word) => `"${word}"*`).join(' ');
}

function actionItemRow(item: ActionItem): ActionItemRow {
  return { id: item.id, incident_id: item.incidentId, title: item.title, owner: item.owner, due: item.due, priority: item.priority, done: item.done ? 1 : 0, updated_at: item.updatedAt };
}
