// A real incident log on a temp data dir with a hand-driven clock, and one worked incident: declared,
// acknowledged, a note with a table-breaking pipe, a status update, evidence (text, binary, and the text
// again under another name), an action item, resolved by a second responder, a half-written post-mortem.
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import type { Incident } from '../../../../electron/contract';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

export const start = Date.parse('2026-03-01T14:00:00.000Z');

export interface Fixture {
  dataDir: string;
  log: IncidentLog;
  settings: { responderName: string; severityScheme: string; maxAttachmentMiB: number };
  /** Moves the log's clock forward. */
  advance(minutes: number): void;
  close(): void;
}

export function openFixture(): Fixture {
  const temp = makeTempDataDir('holdfast-export-');
  let now = start;
  const settings = { responderName: 'Ana Ops', severityScheme: 'sev0-3', maxAttachmentMiB: 16 };
  const log = openIncidentLog({ dataDir: temp.path, settings: () => settings, now: () => new Date(now) });
  return {
    dataDir: temp.path,
    log,
    settings,
    advance: (minutes) => void (now += minutes * 60_000),
    close: () => {
      log.close();
      temp.remove();
    },
  };
}

export const noteWithPipe = 'Saw 502s | upstream timeout\nsecond line of the note';
export const textEvidence = Buffer.from('2026-03-01T14:03:00Z ERROR upstream timeout\n'.repeat(40), 'utf8');
/** Every byte value, NULs included: must survive the archive bit for bit. */
export const binaryEvidence = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7) % 256));

export async function workedIncident(fixture: Fixture): Promise<Incident> {
  const { log, advance, settings } = fixture;
  const declared = log.incidents.declare({ title: 'Checkout payments failing', severity: 'SEV1', services: ['checkout', 'payments'], commander: 'Ana Ops', triggerId: 'INC-DENY-SPIKE' });
  const id = declared.id;
  advance(5); // 14:05
  log.incidents.setStatus(id, 'acknowledged');
  advance(1); // 14:06
  log.incidents.addNote(id, noteWithPipe);
  advance(4); // 14:10
  log.incidents.setStatus(id, 'investigating');
  log.incidents.record(id, (incident, at, author) => log.incidents.append(incident, 'command_run', { command: 'kubectl get pods -n payments', exitCode: 0 }, at, author));
  advance(10); // 14:20
  log.incidents.setStatus(id, 'mitigating');
  log.incidents.postStatusUpdate(id, { status: 'mitigating', impact: 'Card payments fail for about 30% of checkouts', hypothesis: 'DB pool exhausted', actionsCompleted: ['Raised pool size', 'Restarted payments-api'], nextUpdateAt: '2026-03-01T14:50:00Z', evidenceRefs: [] });
  await log.evidence.add(id, { kind: 'bytes', bytes: textEvidence, name: 'app.log' });
  await log.evidence.add(id, { kind: 'bytes', bytes: binaryEvidence, name: 'heap dump (prod) #1.bin' });
  await log.evidence.add(id, { kind: 'bytes', bytes: textEvidence, name: 'app-copy.log' });
  log.incidents.addActionItem(id, { title: 'Alert on 502 rate | per region', owner: 'Bo Resolver', due: '2026-03-15', priority: 'P1' });
  advance(20); // 14:40
  log.incidents.setStatus(id, 'monitoring');
  settings.responderName = 'Bo Resolver';
  advance(30); // 15:10
  log.incidents.setStatus(id, 'resolved');
  log.incidents.savePostmortem(id, {
    summary: 'The payments API returned 502s for 70 minutes.',
    impact: '',
    rootCause: 'The database connection pool was exhausted by a retry storm.',
    fiveWhys: ['Requests timed out waiting for a connection', '', '', '', ''],
    wentWell: '',
    toImprove: 'Alerting fired late',
    lessons: '',
  });
  return log.incidents.require(id);
}
