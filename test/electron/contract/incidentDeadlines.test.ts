// What an incident still owes: status updates at the playbook's cadence and the first response in its
// severity's time, and nothing at all once it is resolved or closed, whatever ETA the last update gave.
import { describe, expect, it } from 'vitest';
import type { Incident, IncidentStatus, StatusUpdateFields } from '../../../electron/contract';
import { deadlinesStopped, statusUpdateCadenceMinutes, statusUpdateDue } from '../../../electron/contract/incidentDeadlines';
import { incidentRecord } from '../../helpers/incidentRecord';

const incidentIn = (status: IncidentStatus, milestones: Partial<Incident> = {}): Incident => incidentRecord({ status, acknowledgedAt: '2026-12-05T20:29:46.000Z', ...milestones });

const updateAt = (occurredAt: string, nextUpdateAt: string | null, status: StatusUpdateFields['status'] = 'investigating') => ({
  occurredAt,
  data: { fields: { status, impact: 'checkout', hypothesis: '', actionsCompleted: [], nextUpdateAt, evidenceRefs: [] } },
});

describe('when the next status update is due', () => {
  it('is within 10 minutes of declaring for the first one', () => {
    expect(statusUpdateDue(incidentIn('acknowledged'), undefined)).toMatchObject({ dueAt: Date.parse('2026-12-05T20:39:00.000Z') });
  });

  it('is at the ETA the last update gave while the incident is worked', () => {
    const due = statusUpdateDue(incidentIn('mitigating'), updateAt('2026-12-05T20:32:00.000Z', '2026-12-05T20:47:00Z'));
    expect(due).toMatchObject({ dueAt: Date.parse('2026-12-05T20:47:00Z'), lastAt: Date.parse('2026-12-05T20:32:00.000Z') });
  });

  it('is never once the incident is resolved, even with an ETA from before the resolution', () => {
    // The reviewer's case: last update 20:32 with ETA 20:47, resolved at 20:38 — no "overdue" at 20:47:30.
    const resolved = incidentIn('resolved', { resolvedAt: '2026-12-05T20:38:00.000Z' });
    const due = statusUpdateDue(resolved, updateAt('2026-12-05T20:32:00.000Z', '2026-12-05T20:47:00Z'));
    expect(due.dueAt).toBeUndefined();
    expect(due.label).toBe('None due, the incident is resolved');
    expect(statusUpdateDue(resolved, undefined).dueAt).toBeUndefined();
  });

  it('is never once the incident is closed, and says when the final update was posted', () => {
    const closed = incidentIn('closed', { resolvedAt: '2026-12-05T20:38:00.000Z', closedAt: '2026-12-05T21:00:00.000Z' });
    expect(statusUpdateDue(closed, updateAt('2026-12-05T20:32:00.000Z', '2026-12-05T20:47:00Z'))).toEqual({ label: 'None due, the incident is closed', lastAt: Date.parse('2026-12-05T20:32:00.000Z') });
    expect(statusUpdateDue(closed, updateAt('2026-12-05T20:40:00.000Z', null, 'resolved')).label).toBe('None due, final update posted');
  });

  it('runs at the cadence again from a resolution update when the incident is re-opened', () => {
    const reopened = incidentIn('investigating');
    expect(statusUpdateDue(reopened, updateAt('2026-12-05T20:40:00.000Z', null, 'resolved')).dueAt).toBe(Date.parse('2026-12-05T21:10:00.000Z'));
  });
});

describe('the playbook cadence', () => {
  it('is 30 minutes while the incident is worked, 15 while recovery is validated, none once resolved', () => {
    expect(['detected', 'acknowledged', 'investigating', 'mitigating'].map((status) => statusUpdateCadenceMinutes(status as IncidentStatus))).toEqual([30, 30, 30, 30]);
    expect(statusUpdateCadenceMinutes('monitoring')).toBe(15);
    expect(statusUpdateCadenceMinutes('resolved')).toBeUndefined();
    expect(statusUpdateCadenceMinutes('closed')).toBeUndefined();
    expect(['resolved', 'closed'].every((status) => deadlinesStopped(status as IncidentStatus))).toBe(true);
    expect(deadlinesStopped('monitoring')).toBe(false);
  });
});
