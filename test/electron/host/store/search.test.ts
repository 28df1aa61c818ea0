// Full-text search over what responders write: titles, notes, status updates and text evidence, on a real
// database. What a person types goes in as plain words (prefix-matched, all required), so FTS5's own
// syntax in the input can never make a search fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../electron/contract';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import { toFtsQuery } from '../../../../electron/host/store/incidentStore';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const dir = makeTempDataDir('holdfast-search-');
let log: IncidentLog;
let payments: Incident;
let ledger: Incident;
let login: Incident;
const ids: Record<string, string> = {};

beforeAll(async () => {
  log = openIncidentLog({ dataDir: dir.path, settings: () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 5 }) });
  const { incidents, evidence } = log;
  payments = incidents.declare({ title: 'Payments webhook backlog', severity: 'SEV1', services: ['payments'] });
  ledger = incidents.declare({ title: 'Ledger totals drift between replicas', severity: 'SEV0', services: ['ledger'] });
  login = incidents.declare({ title: 'Login page slow in Zürich region', severity: 'SEV2' });

  ids.timeoutNote = incidents.addNote(payments.id, 'Database timeout on the replica; failover started').id;
  ids.healthyNote = incidents.addNote(ledger.id, 'Database healthy, replication lag 0s').id;
  ids.timeoutOnly = incidents.addNote(login.id, 'Upstream timeout from the identity provider').id;
  ids.errorRate = incidents.addNote(login.id, 'error-rate at 7% (p99 latency 4.2s) NEAR the SLO: user:alice reports "stuck" spinner').id;
  ids.cafe = incidents.addNote(login.id, 'The café wifi dropped during the bridge call').id;
  ids.correction = incidents.addCorrection(login.id, ids.cafe, 'It was the hotel wifi, not a café').id;
  ids.statusUpdate = incidents.postStatusUpdate(payments.id, {
    status: 'investigating',
    impact: 'Merchants see delayed payout confirmations',
    hypothesis: 'A poison message blocks the consumer',
    actionsCompleted: ['Paused the retry storm'],
    nextUpdateAt: '2026-02-01T11:00:00Z',
    evidenceRefs: [],
  }).id;
  ids.logEvidence = (await evidence.add(payments.id, { kind: 'bytes', bytes: Buffer.from('2026-02-01T10:02:11Z ERROR consumer: deserialization failed for message 8812\n'), name: 'consumer.log' })).id;
  ids.binaryEvidence = (await evidence.add(payments.id, { kind: 'bytes', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xde, 0xad]), name: 'screenshot.png' })).id;
});

afterAll(() => {
  log.close();
  dir.remove();
});

const search = (query: string) => log.incidents.store.search(query, 50);
const sources = (query: string) => search(query).map((hit) => `${hit.sourceKind}:${hit.sourceId}`);

describe('what is searchable', () => {
  it('finds incident titles', () => {
    expect(search('ledger')).toEqual([expect.objectContaining({ incidentId: ledger.id, humanId: ledger.humanId, title: ledger.title, sourceKind: 'title', sourceId: ledger.id })]);
  });

  it('finds notes and corrections', () => {
    expect(sources('failover')).toEqual([`note:${ids.timeoutNote}`]);
    expect(sources('hotel')).toEqual([`note:${ids.correction}`]);
  });

  it('finds posted status updates', () => {
    expect(sources('poison')).toEqual([`status_update:${ids.statusUpdate}`]);
    expect(sources('payout confirmations')).toEqual([`status_update:${ids.statusUpdate}`]);
  });

  it('finds the text of text evidence (and its name), not binary evidence', () => {
    expect(sources('deserialization')).toEqual([`evidence:${ids.logEvidence}`]);
    expect(sources('consumer.log')).toEqual([`evidence:${ids.logEvidence}`]);
    expect(search('screenshot')).toEqual([]);
  });

  it('returns newest first, with the match highlighted in the snippet', () => {
    const hits = search('timeout');
    expect(hits.map((hit) => hit.sourceId)).toEqual([ids.timeoutOnly, ids.timeoutNote]);
    expect(hits[0]!.snippet).toContain('«timeout»');
  });

  it('honours the limit', () => {
    expect(log.incidents.store.search('wifi', 1)).toHaveLength(1);
  });
});

describe('how words match', () => {
  it('matches a prefix of a word', () => {
    expect(sources('paym')).toContain(`title:${payments.id}`);
    expect(sources('deseri')).toEqual([`evidence:${ids.logEvidence}`]);
  });

  it('requires every word (AND), in any order, within one entry', () => {
    expect(sources('database timeout')).toEqual([`note:${ids.timeoutNote}`]);
    expect(sources('timeout database')).toEqual([`note:${ids.timeoutNote}`]);
    expect(sources('database')).toHaveLength(2);
    // Each word must be in the same entry: the title has "Ledger", a note has "healthy".
    expect(search('ledger healthy')).toEqual([]);
  });

  it('ignores case and diacritics', () => {
    expect(sources('DATABASE TIMEOUT')).toEqual([`note:${ids.timeoutNote}`]);
    expect(sources('cafe').sort()).toEqual([`note:${ids.cafe}`, `note:${ids.correction}`].sort());
    expect(sources('zurich')).toEqual([`title:${login.id}`]);
  });

  it('finds nothing for words that are nowhere, and for input with no words at all', () => {
    expect(search('kubernetes')).toEqual([]);
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('- * ( ) " : ^')).toEqual([]);
  });
});

describe('FTS5 syntax in what people type', () => {
  // Expected hits are named by key into `ids` (filled in beforeAll, after this table is built).
  it.each<[string, string[]]>([
    ['"stuck"', ['errorRate']],
    ['"stuck', ['errorRate']],
    ['stu*', ['errorRate']],
    ['(latency)', ['errorRate']],
    ['error-rate', ['errorRate']],
    ['user:alice', ['errorRate']],
    ['latency:', ['errorRate']],
    ['text:latency', []],
    ['NEAR SLO', ['errorRate']],
    // Split on spaces only: "NEAR(latency" is the phrase "near latency", which the note does not contain.
    ['NEAR(latency spinner)', []],
    ['NEAR (latency spinner)', ['errorRate']],
    ['latency NOT spinner', []],
    ['latency OR kubernetes', []],
    ['latency AND spinner', []],
    ['-spinner', ['errorRate']],
    ['+spinner', ['errorRate']],
    ['^spinner', ['errorRate']],
    ['{text}: spinner', []],
    ['p99 latency', ['errorRate']],
    ['4.2s', ['errorRate']],
    ['7% latency', ['errorRate']],
  ])('%s never throws and matches the words literally', (query, expected) => {
    expect(() => search(query)).not.toThrow();
    expect(sources(query)).toEqual(expected.map((key) => `note:${ids[key]}`));
  });

  it('survives arbitrary mixes of operators, quotes, brackets and unicode (fuzzed with a fixed seed)', () => {
    const alphabet = ['"', '*', '(', ')', 'NEAR', 'NOT', 'AND', 'OR', '-', '+', ':', '^', '{', '}', '[', ']', "'", '\\', ',', '.', '/', '\u200b', '\ufeff', '\ud800', 'é', 'ß', '😀', '中文', 'ˆ', '\u0301', 'latency', 'db', '42', ' ', ' ', '\t', '\n'];
    let state = 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % alphabet.length;
    };
    for (let round = 0; round < 2000; round++) {
      const query = Array.from({ length: 1 + (round % 9) }, () => alphabet[next()]).join('');
      expect(() => search(query), JSON.stringify(query)).not.toThrow();
      expect(() => log.incidents.list({ query }), JSON.stringify(query)).not.toThrow();
    }
  });

  it('accepts a NUL character in the query (pasted from binary output) without an SQLite error', () => {
    for (const query of ['latency\u0000', '\u0000latency', 'lat\u0000ency spinner']) {
      expect(() => search(query), JSON.stringify(query)).not.toThrow();
      expect(() => log.incidents.list({ query }), JSON.stringify(query)).not.toThrow();
    }
  });

  it('turns input into quoted prefix terms only', () => {
    expect(toFtsQuery('database timeout')).toBe('"database"* "timeout"*');
    expect(toFtsQuery('"NEAR(a b)" -x')).toBe('"NEAR(a"* "b)"* "-x"*');
    expect(toFtsQuery('* - ( )')).toBe('');
  });
});

describe('incidents.list with a query', () => {
  it('lists the incidents that have a match anywhere, once each', () => {
    expect(log.incidents.list({ query: 'database' }).map((summary) => summary.id).sort()).toEqual([payments.id, ledger.id].sort());
    expect(log.incidents.list({ query: 'wifi' }).map((summary) => summary.id)).toEqual([login.id]);
  });

  it('combines the query with the status filter', () => {
    expect(log.incidents.list({ query: 'database', status: 'investigating' }).map((summary) => summary.id)).toEqual([payments.id]);
    expect(log.incidents.list({ query: 'database', status: 'detected' }).map((summary) => summary.id)).toEqual([ledger.id]);
    expect(log.incidents.list({ query: 'wifi', status: 'investigating' })).toEqual([]);
  });

  it('combines the query with the severity filter', () => {
    expect(log.incidents.list({ query: 'database', severity: 'SEV0' }).map((summary) => summary.id)).toEqual([ledger.id]);
  });

  it('lists nothing for a query that matches nothing (not every incident)', () => {
    expect(log.incidents.list({ query: 'kubernetes' })).toEqual([]);
  });

  it('treats a blank query as no query', () => {
    expect(log.incidents.list({ query: '  ' })).toHaveLength(3);
    expect(log.incidents.list({ query: '\t\n' })).toHaveLength(3);
  });

  it('still lists an incident whose only match is older than 500 newer matches elsewhere', () => {
    const noisy = log.incidents.declare({ title: 'Noisy alerting', severity: 'SEV3' });
    log.incidents.record(noisy.id, (incident) => {
      for (let index = 0; index < 520; index++) {
        const event = log.incidents.append(incident, 'note', { text: `pager flapping ${index}` });
        log.incidents.store.indexText(incident.id, 'note', event.id, `pager flapping ${index}`);
      }
    });
    const quiet = log.incidents.declare({ title: 'Quiet one', severity: 'SEV3' });
    log.incidents.addNote(quiet.id, 'the pager went off once');
    // `quiet` has the newest match; add more noise after it so its match is outside the newest 500.
    log.incidents.record(noisy.id, (incident) => {
      for (let index = 0; index < 520; index++) {
        const event = log.incidents.append(incident, 'note', { text: `pager flapping again ${index}` });
        log.incidents.store.indexText(incident.id, 'note', event.id, `pager flapping again ${index}`);
      }
    });
    expect(log.incidents.list({ query: 'pager' }).map((summary) => summary.id).sort()).toEqual([noisy.id, quiet.id].sort());
  });
});
