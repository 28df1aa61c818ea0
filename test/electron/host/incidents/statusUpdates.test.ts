// A status update and the incident it is about never disagree: an update that announces a later status
// moves the incident there (a status change of its own on the timeline, same author and time); one that
// would move it back, or skip what the lifecycle allows, is refused and leaves nothing behind. A resolved
// incident's draft proposes no next update. Real database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoldfastError, type HostEvent, type Incident, type StatusUpdateFields } from '../../../../electron/contract';
import { EventHub } from '../../../../electron/host/eventHub';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
let log: IncidentLog;
let announced: HostEvent[];
let clock: Date;

beforeEach(() => {
  dataDir = makeTempDataDir('holdfast-status-update-');
  const events = new EventHub({ error: (message) => expect.fail(message) });
  announced = [];
  events.subscribe((event) => announced.push(event));
  clock = new Date('2026-03-01T14:00:00.000Z');
  log = openIncidentLog({ dataDir: dataDir.path, settings: () => ({ responderName: 'Dana Night', severityScheme: 'sev0-3', maxAttachmentMiB: 5 }), events, now: () => clock });
});

afterEach(() => {
  log.close();
  dataDir.remove();
});

const update = (status: StatusUpdateFields['status'], nextUpdateAt: string | null = '2026-03-01T14:30:00Z'): StatusUpdateFields => ({
  status,
  impact: 'Checkout fails for EU tenants',
  hypothesis: 'Flag service returns flag_unavailable',
  actionsCompleted: [],
  nextUpdateAt,
  evidenceRefs: [],
});

function declaredIn(...moves: Incident['status'][]): Incident {
  let incident = log.incidents.declare({ title: 'Checkout 502s for EU tenants', severity: 'SEV1' });
  for (const status of moves) incident = log.incidents.setStatus(incident.id, status);
  return incident;
}

const refusal = (work: () => unknown): HoldfastError => {
  try {
    work();
  } catch (error) {
    if (error instanceof HoldfastError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('posting a status update with a later status', () => {
  it('moves the incident there, recorded as its own status change before the update, by the same author', () => {
    const incident = declaredIn('acknowledged');
    clock = new Date('2026-03-01T14:05:00.000Z');
    announced = [];

    const posted = log.incidents.postStatusUpdate(incident.id, update('investigating'));

    const after = log.incidents.require(incident.id);
    expect(after.status).toBe('investigating');
    expect(after.updatedAt).toBe('2026-03-01T14:05:00.000Z');
    const [change, statusUpdate] = log.incidents.timeline(incident.id).slice(-2);
    expect(change).toMatchObject({ kind: 'status_changed', author: 'Dana Night', occurredAt: '2026-03-01T14:05:00.000Z', data: { from: 'acknowledged', to: 'investigating', byStatusUpdate: true } });
    expect(statusUpdate).toEqual(posted);
    expect(posted.data.text).toContain('Status: investigating');
    // Both events, then the incident: the console's header and timeline refresh from one announcement.
    expect(announced.map((event) => (event.event === 'timeline.appended' ? event.payload.kind : event.event))).toEqual(['status_changed', 'status_update', 'incident.changed']);
  });

  it('acknowledges a detected incident, setting its acknowledgement time', () => {
    const incident = declaredIn();
    clock = new Date('2026-03-01T14:03:00.000Z');
    log.incidents.postStatusUpdate(incident.id, update('acknowledged'));
    expect(log.incidents.require(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-03-01T14:03:00.000Z' });
  });

  it('resolves the incident with a final update that gives no next ETA', () => {
    const incident = declaredIn('acknowledged', 'investigating', 'mitigating');
    const posted = log.incidents.postStatusUpdate(incident.id, update('resolved', null));
    expect(log.incidents.require(incident.id)).toMatchObject({ status: 'resolved', resolvedAt: posted.occurredAt });
    expect(posted.data.text).toContain('Next update ETA (UTC): none, the incident is resolved');
  });

  it('leaves the incident where it is when the update says where it already stands', () => {
    const incident = declaredIn('acknowledged', 'investigating');
    const before = log.incidents.timeline(incident.id).length;
    log.incidents.postStatusUpdate(incident.id, update('investigating'));
    expect(log.incidents.require(incident.id).status).toBe('investigating');
    expect(log.incidents.timeline(incident.id).slice(before).map((event) => event.kind)).toEqual(['status_update']);
  });

  it('takes a final "resolved" update on a closed incident without moving it', () => {
    const incident = declaredIn('acknowledged', 'investigating', 'resolved', 'closed');
    log.incidents.postStatusUpdate(incident.id, update('resolved', null));
    expect(log.incidents.require(incident.id).status).toBe('closed');
  });
});

describe('a status update that would move the incident the wrong way', () => {
  it('is refused when it announces an earlier status, naming the field, and records nothing', () => {
    const incident = declaredIn('acknowledged', 'investigating', 'mitigating');
    const before = log.incidents.timeline(incident.id).length;
    announced = [];

    const error = refusal(() => log.incidents.postStatusUpdate(incident.id, update('investigating')));

    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already mitigating, and an update cannot move it back.*move the incident to investigating first/);
    expect(error.issues).toEqual([{ path: 'params.fields.status', message: 'must be one of mitigating, monitoring, resolved while the incident is mitigating' }]);
    expect(log.incidents.require(incident.id).status).toBe('mitigating');
    expect(log.incidents.timeline(incident.id)).toHaveLength(before);
    expect(announced).toEqual([]);
  });

  it('is refused when the lifecycle does not allow the jump', () => {
    const incident = declaredIn('acknowledged');
    const error = refusal(() => log.incidents.postStatusUpdate(incident.id, update('monitoring')));
    expect(error.message).toMatch(/from acknowledged the incident can move only to investigating, mitigating/);
    expect(log.incidents.require(incident.id).status).toBe('acknowledged');
  });
});

describe('the draft of the next update', () => {
  it('says where the incident stands: acknowledged once anyone writes, then its own status', () => {
    const incident = declaredIn();
    expect(log.incidents.statusUpdateDraft(incident.id).fields.status).toBe('acknowledged');
    log.incidents.setStatus(incident.id, 'acknowledged');
    expect(log.incidents.statusUpdateDraft(incident.id).fields.status).toBe('acknowledged');
    log.incidents.setStatus(incident.id, 'investigating');
    expect(log.incidents.statusUpdateDraft(incident.id).fields).toMatchObject({ status: 'investigating', nextUpdateAt: '2026-03-01T14:30:00Z' });
    log.incidents.setStatus(incident.id, 'monitoring');
    expect(log.incidents.statusUpdateDraft(incident.id).fields).toMatchObject({ status: 'monitoring', nextUpdateAt: '2026-03-01T14:15:00Z' });
  });

  it('proposes no next update once the incident is resolved or closed', () => {
    const incident = declaredIn('acknowledged', 'investigating', 'resolved');
    const draft = log.incidents.statusUpdateDraft(incident.id);
    expect(draft.fields).toMatchObject({ status: 'resolved', nextUpdateAt: null });
    expect(draft.text).toContain('Next update ETA (UTC): none, the incident is resolved');
    log.incidents.setStatus(incident.id, 'closed');
    expect(log.incidents.statusUpdateDraft(incident.id).fields).toMatchObject({ status: 'resolved', nextUpdateAt: null });
  });
});
