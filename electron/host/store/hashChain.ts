// The timeline's tamper evidence. Each event's hash covers its content and the hash of the previous event
// recorded by the same device on the same incident; so editing, removing or reordering a stored event
// breaks the chain. Chains are per device so that events merged from teammates (sync) keep their own.
import { createHash } from 'node:crypto';

export const chainStart = '0'.repeat(64);

export interface HashedFields {
  id: string;
  incidentId: string;
  kind: string;
  occurredAt: string;
  author: string;
  deviceId: string;
  data: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface ChainProblem {
  eventId: string;
  seq: number;
  problem: string;
}

/** Checks events (one incident, any devices, in seq order); returns every break found. */
export function verifyChains(events: (HashedFields & { seq: number; hash: string })[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const heads = new Map<string, string>();
  for (const event of events) {
    const expectedPrev = heads.get(event.deviceId) ?? chainStart;
    if (event.prevHash !== expectedPrev) {
      problems.push({ eventId: event.id, seq: event.seq, problem: `previous-hash link broken (an event before it on device ${event.deviceId} was changed or removed)` });
    }
    const { seq: _seq, hash, ...fields } = event;
    if (eventHash(fields) !== hash) problems.push({ eventId: event.id, seq: event.seq, problem: 'content does not match its hash (the event was altered)' });
    heads.set(event.deviceId, hash);
  }
  return problems;
}
