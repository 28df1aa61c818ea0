// A child process for the store's durability tests, run as `node --import tsx appendWorker.ts <mode> …`.
//
//   notes <dataDir> <incidentRef> <label> [count]
//     Opens the incident log the way the console and the CLI do, then appends notes to one incident in a
//     loop, printing `ACK <eventId>` only after addNote returned (the transaction committed). Without a
//     count it runs until it is killed (with a safety deadline so an orphan cannot run forever); with one,
//     it stops after `count` notes, prints `DONE` and exits 0.
//
//   disk-full <dataDir>
//     Expects <dataDir> to be a tiny tmpfs (the test mounts it in a private mount namespace). Fills the
//     disk for real and reports, as one JSON line, what the incident log did: an attachment that cannot
//     fit, then notes until the database itself cannot grow, then recovery once space is freed.
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';

const settings = (maxAttachmentMiB = 25) => () => ({ responderName: 'durability-worker', severityScheme: 'sev0-3', maxAttachmentMiB });
const safetyDeadlineMs = 30_000;

function say(line: string): void {
  // Synchronous on Linux for pipes: the parent reads exactly what was acknowledged before the kill.
  process.stdout.write(`${line}\n`);
}

function notes(dataDir: string, incidentRef: string, label: string, count?: number): void {
  const log = openIncidentLog({ dataDir, settings: settings() });
  say('READY');
  const deadline = Date.now() + safetyDeadlineMs;
  const filler = 'Checked the replica lag dashboard; the primary is still shedding writes. '.repeat(60);
  for (let n = 0; count === undefined ? Date.now() < deadline : n < count; n++) {
    // Mostly short notes, now and then a long one (several pages), as a responder pasting output would.
    const text = n % 17 === 16 ? `${label} note ${n} pasted output: ${filler}` : `${label} note ${n}: error rate ${(n % 9) + 1}% on checkout`;
    const event = log.incidents.addNote(incidentRef, text);
    say(`ACK ${event.id}`);
  }
  log.close();
  say('DONE');
}

interface DiskFullReport {
  attachment: { code?: string; message: string; tmpLeftovers: string[]; evidenceRows: number; timelineBefore: number; timelineAfter: number };
  notes: { acked: string[]; failedText?: string; error?: { name: string; code?: string; message: string } };
  closeError?: string;
  afterFreeing: { integrity: string; verifyOk: boolean; problems: unknown[]; missingAcked: string[]; failedNotePresent: boolean; noteAfterRecovery: boolean };
}

async function diskFull(dataDir: string): Promise<void> {
  const report: Partial<DiskFullReport> = {};
  let log: IncidentLog = openIncidentLog({ dataDir, settings: settings(25) });
  const incident = log.incidents.declare({ title: 'Disk full on the responder laptop', severity: 'SEV2' });
  log.incidents.addNote(incident.id, 'before the disk filled');

  // 1. An attachment larger than the free space: the blob write hits ENOSPC part-way.
  const timelineBefore = log.incidents.detail(incident.id).timelineCount;
  try {
    await log.evidence.add(incident.id, { kind: 'bytes', bytes: Buffer.alloc(8 * 1024 * 1024, 7), name: 'heap.bin' });
    report.attachment = { message: 'stored (unexpected)', tmpLeftovers: [], evidenceRows: -1, timelineBefore, timelineAfter: -1 };
  } catch (error) {
    const tmp = join(dataDir, 'evidence', 'tmp');
    let tmpLeftovers: string[] = [];
    try {
      tmpLeftovers = readdirSync(tmp);
    } catch {
      // no tmp folder: nothing left over
    }
    const detail = log.incidents.detail(incident.id);
    report.attachment = { code: (error as { code?: string }).code, message: (error as Error).message, tmpLeftovers, evidenceRows: detail.evidence.length, timelineBefore, timelineAfter: detail.timelineCount };
  }

  // 2. Fill what is left (almost), then write notes until the database cannot grow any more.
  const fillerPath = join(dataDir, 'filler');
  const fd = openSync(fillerPath, 'w');
  for (const size of [256 * 1024, 4096, 512]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  // Give back a little, so a few notes still fit before the database hits the wall.
  ftruncateSync(fd, Math.max(0, fstatSync(fd).size - 256 * 1024));
  closeSync(fd);
  const acked: string[] = [];
  report.notes = { acked };
  for (let n = 0; n < 2000; n++) {
    const text = `disk-full note ${n} ${'x'.repeat(2000)}`;
    try {
      acked.push(log.incidents.addNote(incident.id, text).id);
    } catch (error) {
      report.notes.failedText = text;
      report.notes.error = { name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message };
      break;
    }
  }
  try {
    log.close();
  } catch (error) {
    report.closeError = (error as Error).message;
  }

  // 3. Free the space; reopen as the next start would.
  rmSync(fillerPath);
  log = openIncidentLog({ dataDir, settings: settings(25) });
  const integrity = log.incidents.store.db.pragma('integrity_check', { simple: true }) as string;
  const verify = log.incidents.verifyTimeline(incident.id);
  const events = log.incidents.store.fullTimeline(incident.id);
  const ids = new Set(events.map((event) => event.id));
  const failedNotePresent = report.notes.failedText !== undefined && events.some((event) => event.data.text === report.notes!.failedText);
  let noteAfterRecovery = false;
  try {
    log.incidents.addNote(incident.id, 'after freeing space');
    noteAfterRecovery = true;
  } catch {
    noteAfterRecovery = false;
  }
  report.afterFreeing = { integrity, verifyOk: verify.ok, problems: verify.problems, missingAcked: acked.filter((id) => !ids.has(id)), failedNotePresent, noteAfterRecovery };
  log.close();
  say(JSON.stringify(report));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'notes') {
  const [dataDir, incidentRef, label, count] = args;
  if (!dataDir || !incidentRef || !label) throw new Error('usage: appendWorker.ts notes <dataDir> <incidentRef> <label> [count]');
  mkdirSync(dataDir, { recursive: true });
  notes(dataDir, incidentRef, label, count === undefined ? undefined : Number(count));
} else if (mode === 'disk-full') {
  const [dataDir] = args;
  if (!dataDir) throw new Error('usage: appendWorker.ts disk-full <dataDir>');
  await diskFull(dataDir);
} else {
  throw new Error(`unknown mode ${mode}; use notes or disk-full`);
}
