// Bad input and bad conditions: every refusal says what is allowed, and leaves nothing half-recorded —
// no incident, no timeline event, no evidence row, no stray temp file. The disk-full case fills a real
// (tiny tmpfs) disk in a child process with its own mount namespace; it is skipped, saying why, where the
// machine does not allow that.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HoldfastError, type Incident } from '../../../../electron/contract';
import { openIncidentLog, type IncidentLog } from '../../../../electron/host/incidentLog';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const workerPath = fileURLToPath(new URL('./appendWorker.ts', import.meta.url));

let dir: { path: string; remove(): void };
let log: IncidentLog;
let incident: Incident;

beforeEach(() => {
  dir = makeTempDataDir('holdfast-badinput-');
  log = openIncidentLog({ dataDir: dir.path, settings: () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 1 }) });
  incident = log.incidents.declare({ title: 'Checkout 502s', severity: 'SEV1' });
});

afterEach(() => {
  log.close();
  dir.remove();
});

/** Runs `action`, expecting a HoldfastError; returns it. */
async function refusal(action: () => unknown): Promise<HoldfastError> {
  try {
    await action();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(HoldfastError);
    return error as HoldfastError;
  }
  throw new Error('expected a HoldfastError, but the call succeeded');
}

/** Everything an incident has recorded, to compare before and after a refused change. */
function recorded(incidentId: string) {
  const detail = log.incidents.detail(incidentId);
  return { detail, timeline: log.incidents.store.fullTimeline(incidentId) };
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('severity', () => {
  it('refuses an unknown severity when declaring, listing the allowed values, and records nothing', async () => {
    const error = await refusal(() => log.incidents.declare({ title: 'Bad severity', severity: 'SEV9' }));
    expect(error.code).toBe('invalid_params');
    expect(error.message).toContain('SEV9');
    expect(error.message).toContain('SEV0, SEV1, SEV2, SEV3');
    expect(error.issues).toEqual([{ path: 'params.severity', message: expect.stringContaining('SEV0, SEV1, SEV2, SEV3') }]);
    expect(log.incidents.list().map((summary) => summary.id)).toEqual([incident.id]);
  });

  it('refuses a severity from another scheme, and an unknown scheme', async () => {
    expect((await refusal(() => log.incidents.declare({ title: 'Wrong scheme', severity: 'P1' }))).code).toBe('invalid_params');
    const unknownScheme = await refusal(() => log.incidents.declare({ title: 'No such scheme', severity: 'SEV1', severityScheme: 'sev-x' }));
    expect(unknownScheme).toMatchObject({ code: 'invalid_params', issues: [{ path: 'params.severityScheme' }] });
    expect(unknownScheme.message).toContain('sev-x');
    expect(log.incidents.list()).toHaveLength(1);
  });

  it('accepts the severity case-insensitively and stores its canonical spelling', () => {
    expect(log.incidents.declare({ title: 'Lower case', severity: 'sev2' }).severity).toBe('SEV2');
  });

  it('refuses an unknown severity change with the allowed values, leaving the incident unchanged', async () => {
    const before = recorded(incident.id);
    const error = await refusal(() => log.incidents.setSeverity(incident.id, 'critical'));
    expect(error.code).toBe('invalid_params');
    expect(error.message).toContain('SEV0, SEV1, SEV2, SEV3');
    expect(recorded(incident.id)).toEqual(before);
  });
});

describe('status transitions', () => {
  it('refuses a move the lifecycle does not allow, listing the allowed moves, and changes nothing', async () => {
    const before = recorded(incident.id);
    const error = await refusal(() => log.incidents.setStatus(incident.id, 'closed'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Cannot move the incident from detected to closed. From detected it can move to: acknowledged, investigating.');
    expect(recorded(incident.id)).toEqual(before);
  });

  it('refuses to move to the status it already has', async () => {
    const before = recorded(incident.id);
    expect(await refusal(() => log.incidents.setStatus(incident.id, 'detected'))).toMatchObject({ code: 'conflict', message: 'The incident is already detected.' });
    expect(recorded(incident.id)).toEqual(before);
  });

  it('refuses every move out of closed, saying it cannot change', async () => {
    for (const status of ['investigating', 'resolved', 'closed'] as const) log.incidents.setStatus(incident.id, status);
    const before = recorded(incident.id);
    const error = await refusal(() => log.incidents.setStatus(incident.id, 'investigating'));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('A closed incident cannot change status.') });
    expect(recorded(incident.id)).toEqual(before);
  });

  it('refuses a status that is not in the lifecycle at all, without crashing', async () => {
    const before = recorded(incident.id);
    const error = await refusal(() => log.incidents.setStatus(incident.id, 'panicking' as never));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('acknowledged, investigating');
    expect(recorded(incident.id)).toEqual(before);
  });

  it('refuses changes to an incident that does not exist', async () => {
    expect(await refusal(() => log.incidents.addNote('INC-2099-0001-ZZZ', 'hello'))).toMatchObject({ code: 'not_found', message: expect.stringContaining('INC-2099-0001-ZZZ') });
    expect(await refusal(() => log.incidents.setStatus('nope', 'acknowledged'))).toMatchObject({ code: 'not_found' });
  });
});

describe('attachments', () => {
  const evidenceFiles = () => ({ tmp: filesUnder(join(dir.path, 'evidence', 'tmp')), blobs: filesUnder(join(dir.path, 'evidence', 'sha256')) });

  it('refuses bytes over maxAttachmentMiB, recording nothing and leaving no temp file', async () => {
    const before = recorded(incident.id);
    const error = await refusal(() => log.evidence.add(incident.id, { kind: 'bytes', bytes: Buffer.alloc(2 * 1024 * 1024, 1), name: 'heap.bin' }));
    expect(error.code).toBe('invalid_params');
    expect(error.message).toMatch(/larger than the limit of 1\.0 MiB/);
    expect(recorded(incident.id)).toEqual(before);
    expect(recorded(incident.id).detail.evidence).toEqual([]);
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });

  it('refuses bytes over the limit when they arrive in many chunks (the limit is checked while streaming)', async () => {
    async function* chunks() {
      for (let index = 0; index < 40; index++) yield Buffer.alloc(64 * 1024, index);
    }
    const error = await refusal(() => log.evidence.blobs.put(chunks(), 1024 * 1024));
    expect(error.code).toBe('invalid_params');
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });

  it('refuses a file over the limit before copying it', async () => {
    const big = join(dir.path, 'big.log');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x61));
    const before = recorded(incident.id);
    const error = await refusal(() => log.evidence.add(incident.id, { kind: 'file', path: big }));
    expect(error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining(big) });
    expect(error.message).toMatch(/2\.0 MiB, over the attachment limit of 1\.0 MiB/);
    expect(recorded(incident.id)).toEqual(before);
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });

  it('accepts exactly the limit', async () => {
    const evidence = await log.evidence.add(incident.id, { kind: 'bytes', bytes: Buffer.alloc(1024 * 1024, 2), name: 'exact.bin' });
    expect(evidence.size).toBe(1024 * 1024);
    expect(evidenceFiles().tmp).toEqual([]);
  });

  it('explains a path that does not exist', async () => {
    const missing = join(dir.path, 'no-such-file.log');
    const error = await refusal(() => log.evidence.add(incident.id, { kind: 'file', path: missing }));
    expect(error).toMatchObject({ code: 'invalid_params', message: `Cannot read ${missing}: no such file` });
    expect(recorded(incident.id).detail.evidence).toEqual([]);
  });

  it('explains a directory, and a named pipe (which would otherwise block forever)', async () => {
    const folder = join(dir.path, 'logs');
    mkdirSync(folder);
    expect(await refusal(() => log.evidence.add(incident.id, { kind: 'file', path: folder }))).toMatchObject({ code: 'invalid_params', message: `${folder} is not a regular file.` });
    const fifo = join(dir.path, 'pipe');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status === 0) expect(await refusal(() => log.evidence.add(incident.id, { kind: 'file', path: fifo }))).toMatchObject({ code: 'invalid_params', message: `${fifo} is not a regular file.` });
    expect(recorded(incident.id).detail.evidence).toEqual([]);
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });

  it.skipIf(process.getuid?.() === 0)('explains a file it has no permission to read (skipped as root, who can read anything)', async () => {
    const secret = join(dir.path, 'secret.log');
    writeFileSync(secret, 'top secret');
    chmodSync(secret, 0o000);
    const error = await refusal(() => log.evidence.add(incident.id, { kind: 'file', path: secret }));
    expect(error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining(secret) });
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });

  it('refuses evidence for an incident that does not exist before copying any bytes', async () => {
    expect(await refusal(() => log.evidence.add('INC-2099-0001-ZZZ', { kind: 'bytes', bytes: Buffer.from('x'), name: 'x.txt' }))).toMatchObject({ code: 'not_found' });
    expect(evidenceFiles()).toEqual({ tmp: [], blobs: [] });
  });
});

// ---- Disk full, for real: a 2 MiB tmpfs mounted in a private mount namespace of a child process. ----

function unshareArgs(): string[] {
  // As root a mount namespace is enough; otherwise ask for a user namespace where we may mount.
  return process.getuid?.() === 0 ? ['--mount'] : ['--user', '--map-root-user', '--mount'];
}

function canMountTmpfs(): { ok: boolean; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'not Linux' };
  const probeDir = makeTempDataDir('holdfast-tmpfs-probe-');
  try {
    const probe = spawnSync('unshare', [...unshareArgs(), 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', probeDir.path], { encoding: 'utf8' });
    if (probe.error) return { ok: false, why: `unshare unavailable: ${probe.error.message}` };
    return probe.status === 0 ? { ok: true, why: '' } : { ok: false, why: `cannot mount a tmpfs in a private namespace: ${probe.stderr.trim()}` };
  } finally {
    probeDir.remove();
  }
}

const tmpfs = canMountTmpfs();

/** Runs appendWorker's disk-full scenario on a fresh 2 MiB tmpfs; returns its JSON report. */
async function diskFullReport(): Promise<DiskFullReport> {
  const diskDir = makeTempDataDir('holdfast-diskfull-');
  try {
    const script = 'mount -t tmpfs -o size=2m tmpfs "$1" && exec "$2" --import tsx "$3" disk-full "$1"';
    const child = spawn('unshare', [...unshareArgs(), 'sh', '-c', script, 'sh', diskDir.path, process.execPath, workerPath], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) throw new Error(`disk-full worker exited ${code}: ${stderr}`);
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as DiskFullReport;
  } finally {
    diskDir.remove();
  }
}

interface DiskFullReport {
  attachment: { code?: string; message: string; tmpLeftovers: string[]; evidenceRows: number; timelineBefore: number; timelineAfter: number };
  notes: { acked: string[]; failedText?: string; error?: { name: string; code?: string; message: string } };
  closeError?: string;
  afterFreeing: { integrity: string; verifyOk: boolean; problems: unknown[]; missingAcked: string[]; failedNotePresent: boolean; noteAfterRecovery: boolean };
}

describe.skipIf(!tmpfs.ok)(`a full disk (a real 2 MiB tmpfs)${tmpfs.ok ? '' : ` — skipped: ${tmpfs.why}`}`, () => {
  let report: DiskFullReport;
  beforeAll(async () => {
    report = await diskFullReport();
  }, 60_000);

  it('refuses an attachment that does not fit with a clear message, recording nothing and leaving no temp file', () => {
    expect(report.attachment).toEqual({
      code: 'unavailable',
      message: 'The disk is full: the attachment was not stored (nothing else was changed). Free some space and try again.',
      tmpLeftovers: [],
      evidenceRows: 0,
      timelineBefore: report.attachment.timelineBefore,
      timelineAfter: report.attachment.timelineBefore,
    });
  });

  it('fails a note with a "disk is full" error once the database cannot grow, after acknowledging the ones that fit', () => {
    expect(report.notes.acked.length).toBeGreaterThan(0);
    expect(report.notes.error, 'a note should eventually fail on a full disk').toBeDefined();
    expect(report.notes.error!.message).toMatch(/^The disk is full: this change was not recorded/);
    expect(report.notes.error!.code).toBe('unavailable');
  });

  it('recovers once space is freed: file intact, chain intact, every acknowledged note there, the failed one not, writable again', () => {
    expect(report.afterFreeing).toEqual({ integrity: 'ok', verifyOk: true, problems: [], missingAcked: [], failedNotePresent: false, noteAfterRecovery: true });
  });
});
