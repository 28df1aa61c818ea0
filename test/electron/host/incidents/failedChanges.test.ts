// A change is announced only once it has committed: one that fails, even at COMMIT itself, leaves nothing
// on the console's timeline and nothing queued to ride along with the next change. Real database file.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../../electron/contract';
import { EventHub } from '../../../../electron/host/eventHub';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import { databasePath } from '../../../../electron/host/store/database';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
let log: IncidentLog;
let announced: HostEvent[];

beforeEach(() => {
  dataDir = makeTempDataDir('holdfast-failed-change-');
  const events = new EventHub({ error: (message) => expect.fail(message) });
  announced = [];
  events.subscribe((event) => announced.push(event));
  log = openIncidentLog({ dataDir: dataDir.path, settings: () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 5 }), events });
});

afterEach(() => {
  log.close();
  dataDir.remove();
});

/**
 * Makes COMMIT refuse any declare of this title, the way a full disk or a lost lock would: every statement
 * of the declare succeeds (its `declared` event is appended), then a deferred foreign key, checked only
 * when the transaction commits, fails it and SQLite rolls it all back.
 */
function refuseCommittingDeclaresOf(title: string): void {
  const db = new Database(databasePath(dataDir.path));
  db.exec(`
    CREATE TABLE commit_refusals (id TEXT PRIMARY KEY);
    CREATE TABLE refused_declares (event_id TEXT REFERENCES commit_refusals (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TRIGGER refuse_declare AFTER INSERT ON timeline_events
      WHEN NEW.kind = 'declared' AND json_extract(NEW.data, '$.title') = '${title.replaceAll("'", "''")}'
      BEGIN INSERT INTO refused_declares VALUES (NEW.id); END;
  `);
  db.close();
}

describe('a declare whose commit fails', () => {
  it('announces nothing, and the next change announces only itself', () => {
    const existing = log.incidents.declare({ title: 'Payments webhook backlog', severity: 'SEV1' });
    refuseCommittingDeclaresOf('Ledger drift');
    announced = [];

    expect(() => log.incidents.declare({ title: 'Ledger drift', severity: 'SEV0' })).toThrow(/FOREIGN KEY/i);
    expect(announced).toEqual([]);
    expect(log.incidents.list().map((incident) => incident.title)).toEqual(['Payments webhook backlog']);

    const note = log.incidents.addNote(existing.id, 'replica caught up');
    expect(announced).toEqual([
      { event: 'timeline.appended', payload: note },
      { event: 'incident.changed', payload: { incidentId: existing.id, humanId: existing.humanId } },
    ]);
  });
});
