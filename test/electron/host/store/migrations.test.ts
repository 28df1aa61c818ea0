// Schema migrations against real files: old databases upgrade with their data readable through the
// service; files from a newer Holdfast, or that are not databases at all, are refused and left untouched.
//
// Adding migration N? Add `rowsAtSchema[N]` below: raw SQL that writes representative rows the way
// schema N stores them. The upgrade test then builds every older schema, fills it, migrates it to the
// latest and reads it back through IncidentService, so each migration is exercised against real data.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HoldfastError, type TimelineKind } from '../../../../electron/contract';
import { openIncidentLog } from '../../../../electron/host/incidentLog';
import { databasePath, openDatabase, schemaVersion } from '../../../../electron/host/store/database';
import { chainStart, eventHash } from '../../../../electron/host/store/hashChain';
import { deviceCode, formatHumanId } from '../../../../electron/host/store/identifiers';
import { latestSchemaVersion, migrations } from '../../../../electron/host/store/migrations';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const settings = () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 25 });
const now = () => new Date('2026-03-14T09:30:00.000Z');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDataDir(): string {
  const dir = makeTempDataDir('holdfast-migrations-');
  cleanups.push(dir.remove);
  return dir.path;
}

/** What every schema's representative rows contain, so one set of assertions reads any of them back. */
const sample = {
  deviceId: 'a1b2c3d4e5f60718',
  incidentId: '01JQ0000000000000000000001',
  title: 'Payments webhook backlog growing',
  detectedAt: '2026-02-01T10:00:00.000Z',
  events: [
    { id: '01JQ0000000000000000000E01', kind: 'declared', occurredAt: '2026-02-01T10:00:00.000Z', data: { title: 'Payments webhook backlog growing', severity: 'SEV1', severityScheme: 'sev0-3', triggerId: '', drill: false } },
    { id: '01JQ0000000000000000000E02', kind: 'status_changed', occurredAt: '2026-02-01T10:05:00.000Z', data: { from: 'detected', to: 'investigating' } },
    { id: '01JQ0000000000000000000E03', kind: 'note', occurredAt: '2026-02-01T10:07:00.000Z', data: { text: 'Webhook consumer stuck on a poison message' } },
    { id: '01JQ0000000000000000000E04', kind: 'action_item', occurredAt: '2026-02-01T10:09:00.000Z', data: { action: 'added', item: { id: '01JQ0000000000000000000A01' } } },
    { id: '01JQ0000000000000000000E05', kind: 'evidence_added', occurredAt: '2026-02-01T10:10:00.000Z', data: { evidenceId: '01JQ0000000000000000000V01', name: 'consumer.log' } },
  ] satisfies { id: string; kind: TimelineKind; occurredAt: string; data: Record<string, unknown> }[],
  actionItemId: '01JQ0000000000000000000A01',
  evidenceId: '01JQ0000000000000000000V01',
  evidenceSha256: 'c'.repeat(64),
};
const sampleHumanId = formatHumanId(2026, 1, deviceCode(sample.deviceId));

/** Representative rows per schema version, written with that version's own SQL. */
const rowsAtSchema: Record<number, (db: Database.Database) => void> = {
  1(db) {
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    meta.run('device_id', sample.deviceId);
    meta.run('incident_counter:2026', '1');
    db.prepare(
      `INSERT INTO incidents (id, human_id, title, severity_scheme, severity, status, trigger_id, services, tenants, roles, runbooks, drill, detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, created_by, device_id, updated_at, postmortem)
       VALUES (?, ?, ?, 'sev0-3', 'SEV1', 'investigating', '', '["payments"]', '["acme"]', ?, '[]', 0, ?, ?, NULL, NULL, NULL, 'Dana', ?, ?, ?)`,
    ).run(
      sample.incidentId,
      sampleHumanId,
      sample.title,
      JSON.stringify({ commander: 'Dana', communicationsLead: '', responders: ['Sam'] }),
      sample.detectedAt,
      '2026-02-01T10:05:00.000Z',
      sample.deviceId,
      '2026-02-01T10:10:00.000Z',
      JSON.stringify({ summary: '', impact: '', rootCause: '', fiveWhys: ['', '', '', '', ''], wentWell: '', toImprove: '', lessons: '' }),
    );
    const insertEvent = db.prepare('INSERT INTO timeline_events (id, incident_id, kind, occurred_at, author, device_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let prevHash = chainStart;
    for (const event of sample.events) {
      const fields = { id: event.id, incidentId: sample.incidentId, kind: event.kind, occurredAt: event.occurredAt, author: 'Dana', deviceId: sample.deviceId, data: event.data, prevHash };
      const hash = eventHash(fields);
      insertEvent.run(event.id, sample.incidentId, event.kind, event.occurredAt, 'Dana', sample.deviceId, JSON.stringify(event.data), prevHash, hash);
      prevHash = hash;
    }
    db.prepare(`INSERT INTO action_items (id, incident_id, title, owner, due, priority, done, updated_at) VALUES (?, ?, 'Add a dead-letter queue', 'Sam', '2026-02-15', 'P1', 0, '2026-02-01T10:09:00.000Z')`).run(
      sample.actionItemId,
      sample.incidentId,
    );
    db.prepare(`INSERT INTO evidence (id, incident_id, sha256, name, media_type, size, source, captured_at, captured_by) VALUES (?, ?, ?, 'consumer.log', 'text/plain', 42, 'file', '2026-02-01T10:10:00.000Z', 'Dana')`).run(
      sample.evidenceId,
      sample.incidentId,
      sample.evidenceSha256,
    );
    const index = db.prepare('INSERT INTO search_index (text, incident_id, source_kind, source_id) VALUES (?, ?, ?, ?)');
    index.run(sample.title, sample.incidentId, 'title', sample.incidentId);
    index.run('Webhook consumer stuck on a poison message', sample.incidentId, 'note', sample.events[2]!.id);
    index.run('consumer.log\nERROR poison message rejected', sample.incidentId, 'evidence', sample.evidenceId);
  },
  // Schema 2 only changes how the search index merges; the rows are written as in schema 1.
  2(db) {
    rowsAtSchema[1]!(db);
  },
  // Schema 3 adds runbook runs; incidents from schema 2 carry over, with no runs yet.
  3(db) {
    rowsAtSchema[2]!(db);
  },
};

/** Builds <dataDir>/holdfast.db at exactly `version` (0 = an empty file with no schema) with that version's rows. */
function databaseAtSchema(dataDir: string, version: number): void {
  const db = openDatabase(databasePath(dataDir), { migrateTo: version });
  try {
    expect(schemaVersion(db)).toBe(version);
    if (version > 0) db.transaction(() => rowsAtSchema[version]!(db))();
  } finally {
    db.close();
  }
}

/** Reads the representative rows back through the service, at the latest schema, and keeps using them. */
function expectSampleReadable(dataDir: string): void {
  const log = openIncidentLog({ dataDir, settings, now });
  try {
    expect(schemaVersion(log.incidents.store.db)).toBe(latestSchemaVersion);
    expect(log.incidents.deviceId).toBe(sample.deviceId);
    const detail = log.incidents.detail(sampleHumanId);
    expect(detail.incident).toMatchObject({ id: sample.incidentId, humanId: sampleHumanId, title: sample.title, severity: 'SEV1', status: 'investigating', services: ['payments'], tenants: ['acme'], detectedAt: sample.detectedAt });
    expect(detail.incident.roles).toEqual({ commander: 'Dana', communicationsLead: '', responders: ['Sam'] });
    expect(detail.actionItems).toEqual([expect.objectContaining({ id: sample.actionItemId, title: 'Add a dead-letter queue', owner: 'Sam', due: '2026-02-15', priority: 'P1', done: false })]);
    expect(detail.evidence).toEqual([expect.objectContaining({ id: sample.evidenceId, name: 'consumer.log', sha256: sample.evidenceSha256, size: 42 })]);
    expect(detail.timelineCount).toBe(sample.events.length);
    expect(log.incidents.timeline(sample.incidentId).map((event) => [event.id, event.kind, event.data])).toEqual(sample.events.map((event) => [event.id, event.kind, event.data]));
    expect(log.incidents.verifyTimeline(sample.incidentId)).toEqual({ ok: true, eventsChecked: sample.events.length, problems: [] });
    expect(log.incidents.list({ status: 'investigating' }).map((summary) => summary.id)).toEqual([sample.incidentId]);
    expect(log.incidents.list({ query: 'poison' }).map((summary) => summary.id)).toEqual([sample.incidentId]);
    expect(log.incidents.store.search('webhook').map((hit) => hit.sourceKind).sort()).toEqual(['note', 'title']);

    // Still a working log after the upgrade: the chain continues, the device's counter continues.
    log.incidents.addNote(sample.incidentId, 'Replayed the backlog after the upgrade');
    log.incidents.setStatus(sample.incidentId, 'monitoring');
    expect(log.incidents.verifyTimeline(sample.incidentId)).toMatchObject({ ok: true, eventsChecked: sample.events.length + 2 });
    expect(log.incidents.declare({ title: 'Second incident', severity: 'SEV3' }).humanId).toBe(formatHumanId(2026, 2, deviceCode(sample.deviceId)));
  } finally {
    log.close();
  }
}

function snapshot(dataDir: string): { files: string[]; bytes: Buffer } {
  return { files: readdirSync(dataDir).sort(), bytes: readFileSync(databasePath(dataDir)) };
}

function openError(path: string): HoldfastError {
  try {
    openDatabase(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(HoldfastError);
    return error as HoldfastError;
  }
  throw new Error(`openDatabase(${path}) succeeded; expected it to refuse the file`);
}

describe('the migration list', () => {
  it('numbers versions consecutively from 1, and has representative rows for every schema', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
    // A new migration needs rows for its schema here, so the next migration is tested against them.
    expect(Object.keys(rowsAtSchema).map(Number).sort((a, b) => a - b)).toEqual(migrations.map((migration) => migration.version));
  });

  it.each([0, ...migrations.map((migration) => migration.version)])('stops at schema %i with migrateTo, and a later open takes it to the latest', (version) => {
    const dataDir = tempDataDir();
    const db = openDatabase(databasePath(dataDir), { migrateTo: version });
    expect(schemaVersion(db)).toBe(version);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name").all().map((row) => row.name);
    if (version === 0) expect(tables).toEqual([]);
    if (version === 1) expect(tables).toEqual(['action_items', 'evidence', 'incidents', 'meta', 'search_index', 'timeline_events']);
    db.close();
    const latest = openDatabase(databasePath(dataDir));
    expect(schemaVersion(latest)).toBe(latestSchemaVersion);
    latest.close();
  });
});

describe('upgrading a database with data', () => {
  it.each(migrations.map((migration) => migration.version))('builds schema %i with representative rows, migrates to the latest, and reads them through IncidentService', (version) => {
    const dataDir = tempDataDir();
    databaseAtSchema(dataDir, version);
    expectSampleReadable(dataDir);
    // Opening again is a no-op: same version, same data.
    expectSampleReopened(dataDir);
  });

  it('builds a fresh database from nothing (schema 0) up to the latest, usable at once', () => {
    const dataDir = tempDataDir();
    databaseAtSchema(dataDir, 0);
    const log = openIncidentLog({ dataDir, settings, now });
    try {
      const incident = log.incidents.declare({ title: 'First incident on a new laptop', severity: 'SEV2' });
      expect(log.incidents.verifyTimeline(incident.id).ok).toBe(true);
      expect(schemaVersion(log.incidents.store.db)).toBe(latestSchemaVersion);
    } finally {
      log.close();
    }
  });

  it('rolls back a migration that fails part-way: the file keeps its old version and none of the new tables', () => {
    const dataDir = tempDataDir();
    // Someone else's SQLite file where ours goes, with a table that collides with the last statement of migration 1.
    const foreign = new Database(databasePath(dataDir));
    foreign.exec("CREATE TABLE search_index (x TEXT); INSERT INTO search_index VALUES ('theirs');");
    foreign.close();
    const error = openError(databasePath(dataDir));
    expect(error.message).toContain(databasePath(dataDir));
    expect(error.message).toMatch(/search_index already exists/);
    const check = new Database(databasePath(dataDir), { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(0);
      expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: 'search_index' }]);
      expect(check.prepare('SELECT x FROM search_index').all()).toEqual([{ x: 'theirs' }]);
    } finally {
      check.close();
    }
  });
});

function expectSampleReopened(dataDir: string): void {
  const log = openIncidentLog({ dataDir, settings, now });
  try {
    expect(schemaVersion(log.incidents.store.db)).toBe(latestSchemaVersion);
    expect(log.incidents.detail(sampleHumanId).timelineCount).toBe(sample.events.length + 2);
    expect(log.incidents.verifyTimeline(sample.incidentId).ok).toBe(true);
    expect(log.incidents.list().length).toBe(2);
  } finally {
    log.close();
  }
}

describe('files that this Holdfast must not touch', () => {
  /** A database "written by a newer Holdfast": our schema and pragmas, data, and a higher user_version. */
  function newerDatabase(dataDir: string, journalMode: 'wal' | 'delete'): void {
    const log = openIncidentLog({ dataDir, settings, now });
    log.incidents.declare({ title: 'Recorded by Holdfast 9', severity: 'SEV1' });
    log.close();
    const raw = new Database(databasePath(dataDir));
    raw.pragma(`journal_mode = ${journalMode}`);
    raw.pragma('user_version = 999');
    raw.close();
  }

  it('refuses a WAL database from a newer Holdfast with a clear message, leaving the file byte-for-byte unchanged', () => {
    const dataDir = tempDataDir();
    newerDatabase(dataDir, 'wal');
    const before = snapshot(dataDir);
    const error = openError(databasePath(dataDir));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(databasePath(dataDir));
    expect(error.message).toMatch(/written by a newer Holdfast/);
    expect(error.message).toContain('999');
    const after = snapshot(dataDir);
    expect(after.files).toEqual(before.files);
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it('refuses a rollback-journal database from a newer Holdfast, leaving the file byte-for-byte unchanged', () => {
    const dataDir = tempDataDir();
    newerDatabase(dataDir, 'delete');
    const before = snapshot(dataDir);
    const error = openError(databasePath(dataDir));
    expect(error.message).toMatch(/written by a newer Holdfast/);
    const after = snapshot(dataDir);
    expect(after.files).toEqual(before.files);
    // Bytes 18–19 of the header record the journal mode: switching to WAL before the version check rewrites them.
    expect({ header18: after.bytes[18], header19: after.bytes[19] }).toEqual({ header18: before.bytes[18], header19: before.bytes[19] });
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it.each([
    ['random bytes', () => randomBytes(8192)],
    ['a text file', () => Buffer.from('These are my notes from the bridge call, not a database.\n'.repeat(40))],
    ['a short text file', () => Buffer.from('todo: rotate keys\n')],
  ])('refuses %s in place of the database with a message naming the path, leaving it unchanged', (_label, contents) => {
    const dataDir = tempDataDir();
    writeFileSync(databasePath(dataDir), contents());
    const before = snapshot(dataDir);
    const error = openError(databasePath(dataDir));
    expect(error.message).toContain(databasePath(dataDir));
    expect(error.message).toMatch(/not a readable Holdfast database/);
    const after = snapshot(dataDir);
    expect(after.files).toEqual(before.files);
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it('turns an empty (0-byte) file into a fresh database', () => {
    const dataDir = tempDataDir();
    writeFileSync(databasePath(dataDir), '');
    const log = openIncidentLog({ dataDir, settings, now });
    try {
      expect(schemaVersion(log.incidents.store.db)).toBe(latestSchemaVersion);
      const incident = log.incidents.declare({ title: 'Declared on an empty file', severity: 'SEV3' });
      expect(log.incidents.list().map((summary) => summary.id)).toEqual([incident.id]);
    } finally {
      log.close();
    }
    expect(readFileSync(databasePath(dataDir)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });
});
