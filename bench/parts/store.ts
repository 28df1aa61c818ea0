// The incident store at scale: 1,010,000 timeline events over 10,001 incidents in one data dir. Each
// figure is paired with a plain better-sqlite3 connection (same file, schema and pragmas) doing the same
// SQL without our service layer, measured in the same run, interleaved with ours.
//
//   build      the dataset in bulk transactions through IncidentStore, against plain INSERTs (not a target)
//   append     IncidentService.addNote, one transaction each, synchronous=FULL as shipped, against a
//              single-row INSERT commit; synchronous=NORMAL figures in the notes (the cost of FULL)
//   open       detail + the whole 10,000-event timeline in pages of 5,000, against the same SELECTs
//   search     search(word in ~1% of notes, 50), against the bare FTS query
//
// Run alone: `node --import tsx bench/parts/store.ts` (HOLDFAST_BENCH_STORE_SCALE=0.1 for a quick try).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, median, type BenchPart, type Figure } from '../benchTypes';
import { buildRaw, buildThroughStore, fullShape, rareWord, type DatasetShape } from '../storeFixtures';
import { openIncidentLog } from '../../electron/host/incidentLog';
import { toFtsQuery } from '../../electron/host/store/incidentStore';

const part = 'store';
const appendRounds = 20; // × appendChunk appends each for ours and for raw, interleaved
const appendChunk = 100;
const normalRounds = 10;
const openRuns = 10;
const searchRuns = 20;
const pageSize = 5000;
const targets = { appendP99Ms: 2, openMs: 50, searchMs: 50, ratio: 1.3 };

function shapeFromEnv(): DatasetShape {
  const scale = Number(process.env.HOLDFAST_BENCH_STORE_SCALE ?? '1');
  if (!(scale > 0 && scale <= 1)) return fullShape;
  return { ...fullShape, incidents: Math.max(fullShape.batch, Math.round(fullShape.incidents * scale)), bigIncidentEvents: Math.max(1000, Math.round(fullShape.bigIncidentEvents * scale)) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function timeMs(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** A plain connection with the pragmas openDatabase sets. */
function plainConnection(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(3));

export const storePart: BenchPart = {
  name: part,
  async run() {
    const shape = shapeFromEnv();
    const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-store-'));
    const progress = (message: string) => process.stderr.write(`bench: store: ${message}\n`);
    try {
      // ---- build ----
      progress(`building ${shape.incidents * shape.eventsPerIncident + shape.bigIncidentEvents} events through IncidentStore…`);
      const built = buildThroughStore(dataDir, shape);
      progress(`built in ${built.seconds.toFixed(1)} s; raw build of the same rows…`);
      const rawBuildPath = join(dataDir, 'raw-build.db');
      const rawBuilt = buildRaw(rawBuildPath, shape);
      for (const suffix of ['', '-wal', '-shm']) rmSync(rawBuildPath + suffix, { force: true });
      const dbMiB = statSync(built.path).size / 1024 / 1024;

      const log = openIncidentLog({ dataDir, settings: () => ({ responderName: 'Bench', severityScheme: 'sev0-3', maxAttachmentMiB: 25 }) });
      const raw = plainConnection(built.path);
      try {
        const { incidents } = log;

        // ---- append ----
        progress('appending…');
        const rawInsert = raw.prepare('INSERT INTO timeline_events (id, incident_id, kind, occurred_at, author, device_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        let rawCounter = 0;
        let noteCounter = 0;
        const oursAppend = () => incidents.addNote(built.typicalIncidentId, `bench note ${++noteCounter}: replica lag ${noteCounter % 500} ms on checkout after the deploy`);
        const rawAppend = () => {
          const n = ++rawCounter;
          rawInsert.run(`B${String(n).padStart(25, '0')}`, built.spareIncidentId, 'note', new Date().toISOString(), 'Bench', 'raw-bench-device', JSON.stringify({ text: `bench note ${n}: replica lag ${n % 500} ms on checkout after the deploy` }), 'a'.repeat(64), n.toString(16).padStart(64, '0'));
        };
        // A second reference: the same SQL addNote runs (incident lookup, chain head, insert, touch, search
        // entry) in one BEGIN IMMEDIATE on the plain connection: what is left over is our JavaScript.
        const same = {
          incident: raw.prepare('SELECT * FROM incidents WHERE id = ? OR human_id = ? COLLATE NOCASE'),
          head: raw.prepare('SELECT hash FROM timeline_events WHERE incident_id = ? AND device_id = ? ORDER BY seq DESC LIMIT 1'),
          touch: raw.prepare('UPDATE incidents SET updated_at = ? WHERE id = ?'),
          index: raw.prepare('INSERT INTO search_index (text, incident_id, source_kind, source_id) VALUES (?, ?, ?, ?)'),
        };
        const rawSameSql = raw.transaction(() => {
          const n = ++rawCounter;
          const at = new Date().toISOString();
          const text = `bench note ${n}: replica lag ${n % 500} ms on checkout after the deploy`;
          const id = `B${String(n).padStart(25, '0')}`;
          same.incident.get(built.spareIncidentId, built.spareIncidentId);
          same.head.get(built.spareIncidentId, 'raw-bench-device');
          rawInsert.run(id, built.spareIncidentId, 'note', at, 'Bench', 'raw-bench-device', JSON.stringify({ text }), 'a'.repeat(64), n.toString(16).padStart(64, '0'));
          same.touch.run(at, built.spareIncidentId);
          same.index.run(text, built.spareIncidentId, 'note', id);
        });
        const measureAppends = (rounds: number) => {
          const ours: number[] = [];
          const base: number[] = [];
          const sameSql: number[] = [];
          for (let round = 0; round < rounds; round++) {
            for (let index = 0; index < appendChunk; index++) ours.push(timeMs(oursAppend));
            for (let index = 0; index < appendChunk; index++) base.push(timeMs(rawAppend));
            for (let index = 0; index < appendChunk; index++) sameSql.push(timeMs(() => rawSameSql.immediate()));
          }
          return { ours, base, sameSql };
        };
        measureAppends(1); // warm up
        const full = measureAppends(appendRounds);
        log.incidents.store.db.pragma('synchronous = NORMAL');
        raw.pragma('synchronous = NORMAL');
        const normal = measureAppends(normalRounds);
        log.incidents.store.db.pragma('synchronous = FULL');
        raw.pragma('synchronous = FULL');
        if (!incidents.verifyTimeline(built.typicalIncidentId).ok) throw new Error('the appended timeline does not verify');

        // ---- open a 10k-event incident ----
        progress('opening the long incident…');
        const bigCount = incidents.detail(built.bigIncidentId).timelineCount;
        const oursOpen = () => {
          const detail = incidents.detail(built.bigIncidentId);
          let afterSeq = 0;
          let read = 0;
          while (read < detail.timelineCount) {
            const page = incidents.timeline(built.bigIncidentId, afterSeq, pageSize);
            if (page.length === 0) break;
            read += page.length;
            afterSeq = page.at(-1)!.seq;
          }
          if (read !== bigCount) throw new Error(`read ${read} of ${bigCount} events`);
        };
        const rawStatements = {
          incident: raw.prepare<[string, string], { id: string }>('SELECT * FROM incidents WHERE id = ? OR human_id = ? COLLATE NOCASE'),
          actionItems: raw.prepare('SELECT * FROM action_items WHERE incident_id = ? ORDER BY done, priority, due IS NULL, due, rowid'),
          evidence: raw.prepare('SELECT * FROM evidence WHERE incident_id = ? ORDER BY captured_at, rowid'),
          count: raw.prepare<[string], { n: number }>('SELECT count(*) AS n FROM timeline_events WHERE incident_id = ?'),
          page: raw.prepare<[string, number, number], { seq: number }>('SELECT * FROM timeline_events WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
        };
        const rawOpen = () => {
          const row = rawStatements.incident.get(built.bigIncidentId, built.bigIncidentId)!;
          rawStatements.actionItems.all(row.id);
          rawStatements.evidence.all(row.id);
          const count = rawStatements.count.get(row.id)!.n;
          let afterSeq = 0;
          let read = 0;
          while (read < count) {
            const page = rawStatements.page.all(row.id, afterSeq, pageSize);
            if (page.length === 0) break;
            read += page.length;
            afterSeq = page.at(-1)!.seq;
          }
          if (read !== bigCount) throw new Error(`raw read ${read} of ${bigCount} events`);
        };
        const openOurs: number[] = [];
        const openRaw: number[] = [];
        oursOpen();
        rawOpen();
        for (let run = 0; run < openRuns; run++) {
          openOurs.push(timeMs(oursOpen));
          openRaw.push(timeMs(rawOpen));
        }

        // ---- full-text search ----
        progress('searching…');
        const match = toFtsQuery(rareWord);
        const rawSearch = raw.prepare('SELECT rowid, incident_id, source_kind, source_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 50');
        const hits = incidents.store.search(rareWord, 50).length;
        if (hits !== 50 || rawSearch.all(match).length !== 50) throw new Error(`expected 50 hits for "${rareWord}", got ${hits}`);
        const rawSearchSameSql = raw.prepare(`SELECT s.incident_id, s.source_kind, s.source_id, snippet(search_index, 0, '«', '»', '…', 12) AS snippet, i.human_id, i.title
          FROM search_index s JOIN incidents i ON i.id = s.incident_id WHERE search_index MATCH ? ORDER BY s.rowid DESC LIMIT 50`);
        const searchOurs: number[] = [];
        const searchRaw: number[] = [];
        const searchSameSql: number[] = [];
        for (let run = 0; run < searchRuns; run++) {
          searchOurs.push(timeMs(() => incidents.store.search(rareWord, 50)));
          searchRaw.push(timeMs(() => rawSearch.all(match)));
          searchSameSql.push(timeMs(() => rawSearchSameSql.all(match)));
        }

        // ---- figures ----
        const p = (values: number[], at: number) => percentile(values, at);
        const fullP50 = p(full.ours, 50);
        const fullP99 = p(full.ours, 99);
        const rawP99 = p(full.sameSql, 99);
        const normalNote = `synchronous=NORMAL (not shipped): ours p50 ${fmt(p(normal.ours, 50))} / p99 ${fmt(p(normal.ours, 99))} ms, raw INSERT p50 ${fmt(p(normal.base, 50))} / p99 ${fmt(p(normal.base, 99))} ms, raw same SQL p50 ${fmt(p(normal.sameSql, 50))} / p99 ${fmt(p(normal.sameSql, 99))} ms over ${normal.ours.length} appends each`;
        const sameSqlNote = `Baseline: the SQL addNote runs (lookup, chain head, INSERT, touch, search entry in one BEGIN IMMEDIATE) on a plain connection. A bare single-row INSERT commit, FULL: p50 ${fmt(p(full.base, 50))} / p99 ${fmt(p(full.base, 99))} ms; p99.9 ours ${fmt(p(full.ours, 99.9))} ms`;
        const events = `${built.events.toLocaleString('en')} events`;
        const dataset = `${events}, ${(shape.incidents + 1).toLocaleString('en')} incidents, ${dataDirSize(dbMiB)}`;
        const openMs = median(openOurs);
        const openRawMs = median(openRaw);
        const searchMs = median(searchOurs);
        const searchRawMs = median(searchSameSql);
        const figures: Figure[] = [
          figure(part, `build dataset in bulk transactions through IncidentStore (${dataset})`, 's', built.seconds, 'plain INSERTs of the same rows (no hashing, chain-head lookups or incident touch)', rawBuilt.seconds,
            `not a target; ${built.notes.toLocaleString('en')} notes indexed, "${rareWord}" in ${built.rareNotes.toLocaleString('en')} (${((100 * built.rareNotes) / built.notes).toFixed(2)}%)`),
          figure(part, `append p50: IncidentService.addNote, synchronous=FULL (${full.ours.length} appends on the ${events} DB)`, 'ms', fullP50, 'raw better-sqlite3, same SQL, same pragmas', p(full.sameSql, 50), `${sameSqlNote}. ${normalNote}`),
          figure(part, `append p99: IncidentService.addNote, synchronous=FULL (${full.ours.length} appends)`, 'ms', fullP99, 'raw better-sqlite3, same SQL, same pragmas', rawP99,
            `target p99 < ${targets.appendP99Ms} ms: ${verdict(fullP99 < targets.appendP99Ms)}; ratio ≤ ${targets.ratio}: ${verdict(fullP99 / rawP99 <= targets.ratio)}. ${sameSqlNote}. ${normalNote}`),
          figure(part, `open a ${bigCount.toLocaleString('en')}-event incident: detail + timeline in pages of ${pageSize} (median of ${openRuns})`, 'ms', openMs, 'the same SELECTs on a plain connection (rows not parsed)', openRawMs,
            `target < ${targets.openMs} ms: ${verdict(openMs < targets.openMs)}; ratio ≤ ${targets.ratio}: ${verdict(openMs / openRawMs <= targets.ratio)}`),
          figure(part, `search("${rareWord}", 50) over ${built.notes.toLocaleString('en')} indexed notes (median of ${searchRuns})`, 'ms', searchMs, 'raw better-sqlite3: the same MATCH, join and snippet', searchRawMs,
            `target < ${targets.searchMs} ms: ${verdict(searchMs < targets.searchMs)}; ratio ≤ ${targets.ratio}: ${verdict(searchMs / searchRawMs <= targets.ratio)}. The bare FTS query without join and snippet: ${fmt(median(searchRaw))} ms.`),
        ];
        return figures;
      } finally {
        raw.close();
        log.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

function dataDirSize(mib: number): string {
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB file` : `${mib.toFixed(0)} MiB file`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  storePart
    .run()
    .then((figures) => {
      for (const f of figures) {
        console.log(`${f.name}\n  ${fmt(f.value)} ${f.unit}  vs  ${fmt(f.baseline)} ${f.unit} (${f.baselineName})  ratio ${f.ratio.toFixed(2)}×${f.notes ? `\n  ${f.notes}` : ''}`);
      }
    })
    .catch((error) => {
      console.error(`bench store failed: ${error instanceof Error ? error.stack : error}`);
      process.exit(1);
    });
}
