// The timeline's tamper evidence, checked against the file itself: an attacker with the database file
// and a plain SQLite connection (who drops the append-only triggers first) edits or deletes an event,
// and verifyTimeline must name the event where the chain breaks. Real files, no mocks.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import { databasePath } from '../../../../electron/host/store/database';
import { chainStart, eventHash, verifyChains } from '../../../../electron/host/store/hashChain';
import type { TimelineEvent } from '../../../../electron/contract';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const settings = () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 25 });

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

interface Fixture {
  dataDir: string;
  log: IncidentLog;
  incidentId: string;
  events: TimelineEvent[];
  /** A plain better-sqlite3 connection to the same file, as an attacker would open it. */
  raw(): Database.Database;
}

/** An incident with a realistic mix of `n` events (declared, notes, status changes, a role change). */
function incidentWithEvents(n: number): Fixture {
  const dir = makeTempDataDir('holdfast-chain-');
  const log = openIncidentLog({ dataDir: dir.path, settings });
  const raws: Database.Database[] = [];
  cleanups.push(() => {
    for (const connection of raws) connection.close();
    log.close();
    dir.remove();
  });
  const incident = log.incidents.declare({ title: 'Ledger totals drift between replicas', severity: 'SEV0', services: ['ledger'] });
  log.incidents.setStatus(incident.id, 'acknowledged');
  log.incidents.setRoles(incident.id, { commander: 'Dana', communicationsLead: 'Lee', responders: ['Sam'] });
  for (let index = 0; log.incidents.store.timelineCount(incident.id) < n; index++) log.incidents.addNote(incident.id, `note ${index}: replica ${index % 3} is ${index} rows behind`);
  return {
    dataDir: dir.path,
    log,
    incidentId: incident.id,
    events: log.incidents.store.fullTimeline(incident.id),
    raw() {
      const connection = new Database(databasePath(dir.path));
      raws.push(connection);
      return connection;
    },
  };
}

/** What the attacker does first: remove the append-only guard. */
function dropGuards(raw: Database.Database): void {
  raw.exec('DROP TRIGGER timeline_no_update; DROP TRIGGER timeline_no_delete;');
}

describe('verifyTimeline on an untouched timeline', () => {
  it('verifies an incident with many events of several kinds', () => {
    const { log, incidentId, events } = incidentWithEvents(60);
    expect(new Set(events.map((event) => event.kind))).toEqual(new Set(['declared', 'status_changed', 'roles_changed', 'note']));
    expect(events[0]!.prevHash).toBe(chainStart);
    for (const [index, event] of events.entries()) if (index > 0) expect(event.prevHash).toBe(events[index - 1]!.hash);
    expect(log.incidents.verifyTimeline(incidentId)).toEqual({ ok: true, eventsChecked: 60, problems: [] });
  });

  it('verifies events from two devices interleaved on one incident (each device keeps its own chain)', () => {
    const { log, incidentId } = incidentWithEvents(5);
    const incident = log.incidents.require(incidentId);
    const otherDevice = 'teammate-laptop-b';
    log.incidents.store.transaction(() => {
      for (let index = 0; index < 20; index++) {
        if (index % 2) log.incidents.append(incident, 'note', { text: `local ${index}` });
        else log.incidents.store.appendEvent({ incidentId, kind: 'note', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), author: 'Lee', deviceId: otherDevice, data: { text: `from device b ${index}` } });
      }
    });
    const events = log.incidents.store.fullTimeline(incidentId);
    const theirs = events.filter((event) => event.deviceId === otherDevice);
    expect(theirs).toHaveLength(10);
    expect(theirs[0]!.prevHash).toBe(chainStart);
    for (const [index, event] of theirs.entries()) if (index > 0) expect(event.prevHash).toBe(theirs[index - 1]!.hash);
    expect(log.incidents.verifyTimeline(incidentId)).toEqual({ ok: true, eventsChecked: 25, problems: [] });
  });

  it('verifies a timeline that a second connection (the CLI) appended to: chain heads are read from the file', () => {
    const { dataDir, log, incidentId } = incidentWithEvents(10);
    const second = openIncidentLog({ dataDir, settings });
    try {
      second.incidents.addNote(incidentId, 'from the CLI');
      log.incidents.addNote(incidentId, 'from the console');
      expect(second.incidents.verifyTimeline(incidentId)).toMatchObject({ ok: true, eventsChecked: 12 });
    } finally {
      second.close();
    }
  });
});

describe('verifyTimeline after tampering through a raw connection', () => {
  it.each([
    ['data', `UPDATE timeline_events SET data = json_set(data, '$.text', 'nothing was wrong') WHERE id = ?`],
    ['occurred_at', `UPDATE timeline_events SET occurred_at = '2020-01-01T00:00:00.000Z' WHERE id = ?`],
    ['author', `UPDATE timeline_events SET author = 'Mallory' WHERE id = ?`],
    ['kind', `UPDATE timeline_events SET kind = 'correction' WHERE id = ?`],
    ['device_id', `UPDATE timeline_events SET device_id = 'someone-else' WHERE id = ?`],
  ])('detects a changed %s and names that event', (_column, sql) => {
    const { log, incidentId, events, raw } = incidentWithEvents(30);
    const target = events[17]!;
    const connection = raw();
    dropGuards(connection);
    expect(connection.prepare(sql).run(target.id).changes).toBe(1);

    const result = log.incidents.verifyTimeline(incidentId);
    expect(result.ok).toBe(false);
    expect(result.eventsChecked).toBe(30);
    expect(result.problems[0]).toMatchObject({ eventId: target.id, seq: target.seq });
    expect(result.problems.map((problem) => problem.eventId)).toContain(target.id);
    expect(result.problems.find((problem) => problem.eventId === target.id)!.problem).toMatch(/altered|link broken/);
  });

  it('detects an edit whose hash the attacker recomputed, at the next event', () => {
    const { log, incidentId, events, raw } = incidentWithEvents(30);
    const target = events[10]!;
    const forged = { ...target, data: { text: 'all clear, no customer impact' } };
    const { seq: _seq, hash: _hash, ...fields } = forged;
    const connection = raw();
    dropGuards(connection);
    connection.prepare('UPDATE timeline_events SET data = ?, hash = ? WHERE id = ?').run(JSON.stringify(forged.data), eventHash(fields), target.id);

    const result = log.incidents.verifyTimeline(incidentId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ eventId: events[11]!.id, seq: events[11]!.seq, problem: expect.stringMatching(/previous-hash link broken/) }]);
  });

  it('detects a deleted middle event at the event after it', () => {
    const { log, incidentId, events, raw } = incidentWithEvents(30);
    const connection = raw();
    dropGuards(connection);
    expect(connection.prepare('DELETE FROM timeline_events WHERE id = ?').run(events[14]!.id).changes).toBe(1);

    const result = log.incidents.verifyTimeline(incidentId);
    expect(result).toMatchObject({ ok: false, eventsChecked: 29 });
    expect(result.problems).toEqual([{ eventId: events[15]!.id, seq: events[15]!.seq, problem: expect.stringMatching(/previous-hash link broken/) }]);
  });

  it('detects two events swapped (their contents exchanged between rows)', () => {
    const { log, incidentId, events, raw } = incidentWithEvents(20);
    const [a, b] = [events[8]!, events[9]!];
    const connection = raw();
    dropGuards(connection);
    const swap = connection.prepare('UPDATE timeline_events SET id = ?, data = ?, occurred_at = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    connection.transaction(() => {
      swap.run(`${b.id}-tmp`, JSON.stringify(b.data), b.occurredAt, b.prevHash, b.hash, a.seq);
      swap.run(a.id, JSON.stringify(a.data), a.occurredAt, a.prevHash, a.hash, b.seq);
      connection.prepare('UPDATE timeline_events SET id = ? WHERE seq = ?').run(b.id, a.seq);
    })();
    const result = log.incidents.verifyTimeline(incidentId);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.eventId).toBe(b.id);
  });

  it('detects tampering on the second device of an interleaved timeline, naming that device', () => {
    const { log, incidentId, raw } = incidentWithEvents(4);
    const otherDevice = 'teammate-laptop-b';
    const theirs: TimelineEvent[] = [];
    for (let index = 0; index < 6; index++) {
      log.incidents.addNote(incidentId, `local ${index}`);
      theirs.push(log.incidents.store.transaction(() => log.incidents.store.appendEvent({ incidentId, kind: 'note', occurredAt: '2026-01-01T00:00:00.000Z', author: 'Lee', deviceId: otherDevice, data: { text: `b ${index}` } })));
    }
    expect(log.incidents.verifyTimeline(incidentId).ok).toBe(true);
    const connection = raw();
    dropGuards(connection);
    connection.prepare('DELETE FROM timeline_events WHERE id = ?').run(theirs[2]!.id);

    const result = log.incidents.verifyTimeline(incidentId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ eventId: theirs[3]!.id, seq: theirs[3]!.seq, problem: expect.stringContaining(otherDevice) }]);
  });

  it('verifyChains reports every break, not just the first', () => {
    const { log, incidentId, events } = incidentWithEvents(12);
    const stored = log.incidents.store.fullTimeline(incidentId);
    const altered = stored.map((event, index) => (index === 3 || index === 9 ? { ...event, author: 'Mallory' } : event));
    expect(verifyChains(altered).map((problem) => problem.eventId)).toEqual([events[3]!.id, events[9]!.id]);
  });
});

describe('the append-only guard', () => {
  it('refuses UPDATE and DELETE of timeline events through the normal connection, leaving them as they were', () => {
    const { log, incidentId, events } = incidentWithEvents(8);
    const db = log.incidents.store.db;
    expect(() => db.prepare(`UPDATE timeline_events SET data = '{"text":"edited"}' WHERE id = ?`).run(events[4]!.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM timeline_events WHERE id = ?').run(events[4]!.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM timeline_events').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE timeline_events SET author = 'x'`).run()).toThrow(/append-only/);
    expect(log.incidents.store.fullTimeline(incidentId)).toEqual(events);
    expect(log.incidents.verifyTimeline(incidentId).ok).toBe(true);
  });

  it('refuses them from another plain connection too (the guard lives in the file, not in our code)', () => {
    const { incidentId, events, raw } = incidentWithEvents(8);
    const connection = raw();
    expect(() => connection.prepare('DELETE FROM timeline_events WHERE incident_id = ?').run(incidentId)).toThrow(/append-only/);
    expect(() => connection.prepare(`UPDATE timeline_events SET hash = 'x' WHERE id = ?`).run(events[0]!.id)).toThrow(/append-only/);
    expect(connection.prepare('SELECT count(*) AS n FROM timeline_events').get()).toEqual({ n: 8 });
  });
});
