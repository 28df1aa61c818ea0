// What the phase bar and the composer say about deadlines: a resolved or closed incident owes no status
// update and no response, whatever ETA its last update gave (the reviewer's "overdue by 30s" on a resolved
// incident).
import { describe, expect, it } from 'vitest';
import type { Incident, TimelineEvent } from '../../electron/contract';
import { nextUpdateDue, phasesOf, responseTarget } from '../../renderer/src/screens/incidents/phases';
import { incidentRecord } from '../helpers/incidentRecord';

const incident = (patch: Partial<Incident>): Incident => incidentRecord({ status: 'investigating', ...patch });

const event = (seq: number, kind: TimelineEvent['kind'], occurredAt: string, data: Record<string, unknown>): TimelineEvent => ({ id: `e${seq}`, incidentId: 'i', seq, kind, occurredAt, author: 'dana', deviceId: 'd', data, prevHash: '', hash: '' });

const lastUpdate = event(5, 'status_update', '2026-12-05T20:32:00.000Z', { fields: { status: 'investigating', impact: 'checkout', hypothesis: '', actionsCompleted: [], nextUpdateAt: '2026-12-05T20:47:00Z', evidenceRefs: [] } });

describe('the next status update', () => {
  it('is due at the last ETA while the incident is worked', () => {
    expect(nextUpdateDue(incident({ status: 'mitigating' }), lastUpdate).dueAt).toBe(Date.parse('2026-12-05T20:47:00Z'));
  });

  it('is not due once the incident is resolved or closed', () => {
    const resolved = incident({ status: 'resolved', resolvedAt: '2026-12-05T20:38:00.000Z' });
    expect(nextUpdateDue(resolved, lastUpdate).dueAt).toBeUndefined();
    expect(nextUpdateDue(resolved, undefined).dueAt).toBeUndefined();
    const closed = incident({ status: 'closed', resolvedAt: '2026-12-05T20:38:00.000Z', closedAt: '2026-12-05T20:40:00.000Z' });
    expect(nextUpdateDue(closed, lastUpdate).dueAt).toBeUndefined();
    expect(nextUpdateDue(closed, undefined).dueAt).toBeUndefined();
  });
});

describe('the response target', () => {
  it('is never overdue for a resolved incident, even before its timeline has loaded', () => {
    const resolved = incident({ status: 'resolved', acknowledgedAt: '2026-12-05T20:29:46.000Z', resolvedAt: '2026-12-05T20:38:00.000Z' });
    const target = responseTarget(resolved, phasesOf(resolved.detectedAt, []), Date.parse('2026-12-05T23:00:00Z'));
    expect(target.state).toBe('met');
    const noMove = incident({ status: 'resolved', resolvedAt: '2026-12-05T20:38:00.000Z' });
    expect(responseTarget(noMove, phasesOf(noMove.detectedAt, []), Date.parse('2026-12-05T23:00:00Z')).state).toBe('none');
  });

  it('still runs, and goes overdue, while nobody has responded', () => {
    const detected = incident({ status: 'detected' });
    expect(responseTarget(detected, phasesOf(detected.detectedAt, []), Date.parse('2026-12-05T21:30:00Z')).state).toBe('overdue');
  });
});
