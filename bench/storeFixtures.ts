// The store benchmark's dataset: many incidents with realistic timelines (declared, notes, commands,
// runbook steps, status changes), one long-running incident whose events are spread through the file, and
// a rare word in ~1% of notes for full-text search. Built in bulk transactions, either through
// IncidentStore (hash chain, chain-head lookups, search index: what the product writes) or through a plain
// better-sqlite3 connection inserting the same rows (the raw baseline).
import Database from 'better-sqlite3';
import { emptyPostmortem, type Incident, type TimelineKind } from '../electron/contract';
import { databasePath, openDatabase } from '../electron/host/store/database';
import { formatHumanId, newUlid } from '../electron/host/store/identifiers';
import { IncidentStore } from '../electron/host/store/incidentStore';

export interface DatasetShape {
  incidents: number;
  eventsPerIncident: number;
  /** Events of the one long-running incident, appended a slice per batch so they are spread through the file. */
  bigIncidentEvents: number;
  /** Incidents per write transaction. */
  batch: number;
}

export const fullShape: DatasetShape = { incidents: 10_000, eventsPerIncident: 100, bigIncidentEvents: 10_000, batch: 100 };

/** Appears in ~1% of notes, nowhere else; no other word starts with it. */
export const rareWord = 'quokka';

export interface BuiltDataset {
  path: string;
  seconds: number;
  events: number;
  notes: number;
  rareNotes: number;
  bigIncidentId: string;
  /** An ordinary incident (eventsPerIncident events) in the middle of the file. */
  typicalIncidentId: string;
  /** Another ordinary incident, for rows the raw baseline appends (they carry no valid hash chain). */
  spareIncidentId: string;
}

const services = ['checkout', 'payments', 'ledger', 'search', 'identity', 'notifications', 'webhooks', 'reporting'];
const words = ['replica', 'latency', 'rollback', 'deploy', 'timeout', 'queue', 'backlog', 'cache', 'dns', 'certificate', 'pool', 'saturation', 'retry', 'throttle', 'shard', 'leader', 'failover', 'canary', 'heap', 'gc', 'disk', 'index', 'lock', 'contention', 'upstream', 'edge', 'cdn', 'token', 'session', 'cron'];
const commands = ['kubectl get pods -n checkout', 'kubectl rollout undo deploy/api', 'psql -c "select count(*) from jobs"', 'curl -sf https://status.internal/health', 'redis-cli info memory'];
const statuses = ['acknowledged', 'investigating', 'mitigating', 'monitoring'] as const;

/** The content of event `index` of an incident: deterministic, so both builds write the same rows. */
export function eventContent(serial: number, index: number): { kind: TimelineKind; data: Record<string, unknown>; text?: string } {
  if (index === 0) return { kind: 'declared', data: { title: incidentTitle(serial), severity: 'SEV2', severityScheme: 'sev0-3', triggerId: '', drill: false } };
  const slot = index % 20;
  if (slot === 5) return { kind: 'command_run', data: { command: commands[serial % commands.length], exitCode: index % 7 === 0 ? 1 : 0, durationMs: 200 + (index % 50) * 13 } };
  if (slot === 11) return { kind: 'runbook_step', data: { runbook: 'db-failover', step: index % 9, outcome: 'done' } };
  if (slot === 17) {
    const from = statuses[index % statuses.length]!;
    return { kind: 'status_changed', data: { from, to: statuses[(index + 1) % statuses.length]! } };
  }
  const noteNumber = serial * 100 + index;
  const pick = (offset: number) => words[(noteNumber * 7 + offset * 13) % words.length]!;
  const rare = noteNumber % 100 === 38 ? ` ${rareWord} spotted in the logs` : '';
  const text = `${pick(1)} ${pick(2)} on ${services[serial % services.length]}: ${pick(3)} after the ${pick(4)} change, p99 ${(noteNumber % 900) + 100} ms${rare}`;
  return { kind: 'note', data: { text }, text };
}

function incidentTitle(serial: number): string {
  return `${services[serial % services.length]} ${words[serial % words.length]} degradation #${serial}`;
}

function timestamp(second: number): string {
  return new Date(Date.UTC(2025, 0, 1) + second * 1000).toISOString();
}

function makeIncident(serial: number, id: string, deviceId: string, code: string, detectedSecond: number): Incident {
  const at = timestamp(detectedSecond);
  return {
    id,
    humanId: formatHumanId(2025, serial + 1, code),
    title: incidentTitle(serial),
    severityScheme: 'sev0-3',
    severity: 'SEV2',
    status: 'investigating',
    triggerId: '',
    services: [services[serial % services.length]!],
    tenants: [],
    roles: { commander: 'Dana', communicationsLead: '', responders: [] },
    runbooks: [],
    drill: false,
    detectedAt: at,
    acknowledgedAt: at,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    createdBy: 'Dana',
    deviceId,
    updatedAt: at,
    postmortem: emptyPostmortem,
  };
}

/** The order both builds write in: batches of incidents, each followed by a slice of the big incident. */
function* plan(shape: DatasetShape): Generator<{ batch: number; incidents: number[]; bigFrom: number; bigTo: number }> {
  const batches = Math.ceil(shape.incidents / shape.batch);
  const perBatch = Math.ceil(shape.bigIncidentEvents / batches);
  for (let batch = 0; batch < batches; batch++) {
    const incidents = [];
    for (let serial = batch * shape.batch; serial < Math.min(shape.incidents, (batch + 1) * shape.batch); serial++) incidents.push(serial);
    yield { batch, incidents, bigFrom: batch * perBatch, bigTo: Math.min(shape.bigIncidentEvents, (batch + 1) * perBatch) };
  }
}

const bigSerial = 999_999;

/** Builds the dataset through IncidentStore: hashing, chain heads, incident touch, search index. */
export function buildThroughStore(dataDir: string, shape: DatasetShape = fullShape): BuiltDataset {
  const started = performance.now();
  const path = databasePath(dataDir);
  const db = openDatabase(path);
  const store = new IncidentStore(db);
  const { deviceId, deviceCode } = store.deviceIdentity();
  let second = 0;
  let events = 0;
  let notes = 0;
  let rareNotes = 0;
  const big = makeIncident(bigSerial, newUlid(), deviceId, deviceCode, second);
  const incidentIds: string[] = [];
  const append = (incident: Incident, serial: number, index: number) => {
    const content = eventContent(serial, index);
    const event = store.appendEvent({ incidentId: incident.id, kind: content.kind, occurredAt: timestamp(++second), author: 'Dana', deviceId, data: content.data });
    events++;
    if (content.text !== undefined) {
      store.indexText(incident.id, 'note', event.id, content.text);
      notes++;
      if (content.text.includes(rareWord)) rareNotes++;
    }
  };
  store.transaction(() => {
    store.insertIncident(big);
    store.indexText(big.id, 'title', big.id, big.title);
  });
  for (const step of plan(shape)) {
    store.transaction(() => {
      for (const serial of step.incidents) {
        const incident = makeIncident(serial, newUlid(), deviceId, deviceCode, second);
        incidentIds.push(incident.id);
        store.insertIncident(incident);
        store.indexText(incident.id, 'title', incident.id, incident.title);
        for (let index = 0; index < shape.eventsPerIncident; index++) append(incident, serial, index);
      }
      for (let index = step.bigFrom; index < step.bigTo; index++) append(big, bigSerial, index);
    });
  }
  store.setMeta('incident_counter:2025', String(shape.incidents + 1));
  db.close();
  return { path, seconds: (performance.now() - started) / 1000, events, notes, rareNotes, bigIncidentId: big.id, typicalIncidentId: incidentIds[Math.floor(incidentIds.length / 2)]!, spareIncidentId: incidentIds[Math.floor(incidentIds.length / 2) + 1]! };
}

/** The same rows through a plain connection: INSERTs only, ids and hashes precomputed-style (no chain work). */
export function buildRaw(path: string, shape: DatasetShape = fullShape): { seconds: number; events: number } {
  openDatabase(path).close(); // the same schema; from here on only plain better-sqlite3
  const started = performance.now();
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const insertIncident = db.prepare(`INSERT INTO incidents (id, human_id, title, severity_scheme, severity, status, trigger_id, services, tenants, roles, runbooks, drill, detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, created_by, device_id, updated_at, postmortem)
    VALUES (?, ?, ?, 'sev0-3', 'SEV2', 'investigating', '', ?, '[]', ?, '[]', 0, ?, ?, NULL, NULL, NULL, 'Dana', 'rawdevice0000000', ?, ?)`);
  const insertEvent = db.prepare('INSERT INTO timeline_events (id, incident_id, kind, occurred_at, author, device_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const indexText = db.prepare('INSERT INTO search_index (text, incident_id, source_kind, source_id) VALUES (?, ?, ?, ?)');
  const roles = JSON.stringify({ commander: 'Dana', communicationsLead: '', responders: [] });
  const postmortem = JSON.stringify(emptyPostmortem);
  let counter = 0;
  let second = 0;
  let events = 0;
  const rawId = () => `R${String(++counter).padStart(25, '0')}`;
  let previous = '0'.repeat(64);
  const addIncident = (serial: number) => {
    const id = rawId();
    const at = timestamp(second);
    insertIncident.run(id, `INC-2025-${String(serial + 1).padStart(4, '0')}-RAW`, incidentTitle(serial), JSON.stringify([services[serial % services.length]]), roles, at, at, at, postmortem);
    indexText.run(incidentTitle(serial), id, 'title', id);
    return id;
  };
  const append = (incidentId: string, serial: number, index: number) => {
    const content = eventContent(serial, index);
    const id = rawId();
    const hash = counter.toString(16).padStart(64, '0');
    insertEvent.run(id, incidentId, content.kind, timestamp(++second), 'Dana', 'rawdevice0000000', JSON.stringify(content.data), previous, hash);
    previous = hash;
    events++;
    if (content.text !== undefined) indexText.run(content.text, incidentId, 'note', id);
  };
  const bigId = db.transaction(() => addIncident(bigSerial)).immediate();
  for (const step of plan(shape)) {
    db.transaction(() => {
      for (const serial of step.incidents) {
        const id = addIncident(serial);
        for (let index = 0; index < shape.eventsPerIncident; index++) append(id, serial, index);
      }
      for (let index = step.bigFrom; index < step.bigTo; index++) append(bigId, bigSerial, index);
    }).immediate();
  }
  db.close();
  return { seconds: (performance.now() - started) / 1000, events };
}
