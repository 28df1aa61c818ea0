// An incident record as the host would return it, for tests of pure logic over incidents (deadlines, what
// the console shows): SEV1, detected 2026-12-05 20:29 UTC, nothing else happened unless `patch` says so.
import { emptyPostmortem, type Incident } from '../../electron/contract';

export function incidentRecord(patch: Partial<Incident> = {}): Incident {
  return {
    id: '01J0000000000000000000000A',
    humanId: 'INC-2026-0001-RNH',
    title: 'Checkout 502s',
    severityScheme: 'sev0-3',
    severity: 'SEV1',
    status: 'detected',
    triggerId: '',
    services: [],
    tenants: [],
    roles: { commander: '', communicationsLead: '', responders: [] },
    runbooks: [],
    drill: false,
    detectedAt: '2026-12-05T20:29:00.000Z',
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    createdBy: 'dana',
    deviceId: 'device',
    updatedAt: '2026-12-05T20:38:00.000Z',
    postmortem: emptyPostmortem,
    ...patch,
  };
}
