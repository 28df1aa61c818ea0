// Durability of the incident log against the worst a laptop does: the process dies mid-write. A child
// process (appendWorker.ts) appends notes and prints each event id only after the commit returned; we
// SIGKILL it at random moments, over and over on the same data dir, and after every kill reopen the
// database and check that every acknowledged note is there, the file is intact and the hash chain holds.
// Then two writers (the console and the CLI) share the same file at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIncidentLog } from '../../../../electron/host/incidentLog';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const workerPath = fileURLToPath(new URL('./appendWorker.ts', import.meta.url));
const settings = () => ({ responderName: 'durability-test', severityScheme: 'sev0-3', maxAttachmentMiB: 25 });

const killRounds = 20;

/** A small seeded generator, so a failing run can be replayed with HOLDFAST_TEST_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Worker {
  child: ChildProcess;
  acked: string[];
  /** Resolves at the first acknowledged note. */
  firstAck: Promise<void>;
  /** Resolves once the process has exited and its stdout is fully read. */
  finished: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Every worker started, so a failing test cannot leave one appending in the background. */
const started: ChildProcess[] = [];

function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', workerPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const acked: string[] = [];
  let stderr = '';
  let buffered = '';
  let onFirstAck!: () => void;
  let onEarlyEnd!: (error: Error) => void;
  const firstAck = new Promise<void>((resolve, reject) => {
    onFirstAck = resolve;
    onEarlyEnd = reject;
  });
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('ACK ')) continue;
      acked.push(line.slice(4));
      if (acked.length === 1) onFirstAck();
    }
  });
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  // 'close' fires after the exit and after stdio is drained: every line the child wrote has been read.
  const finished = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => {
      // A line cut by the kill has no newline: an incomplete "ACK" line is not an acknowledgement.
      onEarlyEnd(new Error(`worker ended before acknowledging anything (code ${code}, signal ${signal}): ${stderr}`));
      resolve({ code, signal, stderr });
    }),
  );
  firstAck.catch(() => undefined);
  return { child, acked, firstAck, finished };
}

interface Check {
  integrity: string;
  verify: { ok: boolean; problems: unknown[] };
  missing: string[];
  /** Note texts by their event id, for the notes whose text starts with a given label. */
  notesByLabel: (label: string) => string[];
}

/** Reopens the data dir the way the next start of the console would, and reads back what is there. */
function inspect(dataDir: string, incidentId: string, acked: Iterable<string>): Check {
  const log = openIncidentLog({ dataDir, settings });
  try {
    const integrity = log.incidents.store.db.pragma('integrity_check', { simple: true }) as string;
    const verify = log.incidents.verifyTimeline(incidentId);
    const events = log.incidents.store.fullTimeline(incidentId);
    const present = new Set(events.map((event) => event.id));
    const missing = [...acked].filter((id) => !present.has(id));
    const notes = events.filter((event) => event.kind === 'note');
    return {
      integrity,
      verify: { ok: verify.ok, problems: verify.problems },
      missing,
      notesByLabel: (label) => notes.filter((event) => String(event.data.text).startsWith(`${label} `)).map((event) => event.id),
    };
  } finally {
    log.close();
  }
}

describe('incident log durability under SIGKILL', () => {
  const dataDir = makeTempDataDir('holdfast-durability-');
  const seed = Number(process.env.HOLDFAST_TEST_SEED ?? Date.now() % 2 ** 31);
  const random = seededRandom(seed);
  let incidentId = '';
  let humanId = '';

  beforeAll(() => {
    const log = openIncidentLog({ dataDir: dataDir.path, settings });
    const incident = log.incidents.declare({ title: 'Checkout error rate above 5%', severity: 'SEV1', services: ['checkout'], commander: 'Dana' });
    log.incidents.setStatus(incident.id, 'investigating');
    incidentId = incident.id;
    humanId = incident.humanId;
    log.close();
  });

  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    dataDir.remove();
  });

  it(`keeps every acknowledged note across ${killRounds} SIGKILLs at random moments (seed in the failure message)`, async () => {
    const allAcked: string[] = [];
    for (let round = 0; round < killRounds; round++) {
      const label = `round-${round}`;
      // Alternate the two ways people name an incident, as the console (id) and the CLI (human id) do.
      const worker = startWorker(['notes', dataDir.path, round % 2 ? humanId : incidentId, label]);
      await worker.firstAck;
      const delay = 50 + Math.floor(random() * 351);
      await sleep(delay);
      worker.child.kill('SIGKILL');
      const { signal, stderr } = await worker.finished;
      const context = `seed ${seed}, round ${round}, killed ${delay} ms after the first acknowledgement, ${worker.acked.length} acknowledged`;
      expect(signal, `${context}; the worker must still be running when killed: ${stderr}`).toBe('SIGKILL');
      allAcked.push(...worker.acked);

      const check = inspect(dataDir.path, incidentId, allAcked);
      expect(check.missing, context).toEqual([]);
      expect(check.integrity, context).toBe('ok');
      expect(check.verify, context).toEqual({ ok: true, problems: [] });
      // The other direction: at most the one note whose commit returned just before the kill is unacknowledged.
      const committed = check.notesByLabel(label);
      expect(committed.slice(0, worker.acked.length), context).toEqual(worker.acked);
      expect(committed.length - worker.acked.length, context).toBeLessThanOrEqual(1);
    }
    expect(allAcked.length).toBeGreaterThan(killRounds);
  }, 120_000);

  it('lets two writers (console and CLI) append to the same incident at once: both finish, nothing lost', async () => {
    const count = 150;
    const consoleWriter = startWorker(['notes', dataDir.path, incidentId, 'console', String(count)]);
    const cli = startWorker(['notes', dataDir.path, humanId, 'cli', String(count)]);
    const [consoleExit, cliExit] = await Promise.all([consoleWriter.finished, cli.finished]);
    expect(consoleExit, consoleExit.stderr).toMatchObject({ code: 0 });
    expect(cliExit, cliExit.stderr).toMatchObject({ code: 0 });
    expect(consoleWriter.acked).toHaveLength(count);
    expect(cli.acked).toHaveLength(count);

    const check = inspect(dataDir.path, incidentId, [...consoleWriter.acked, ...cli.acked]);
    expect(check.missing).toEqual([]);
    expect(check.integrity).toBe('ok');
    // Both processes write as the same device: the chain stays linear because each append reads the
    // chain head inside its own write transaction.
    expect(check.verify).toEqual({ ok: true, problems: [] });
    expect(check.notesByLabel('console')).toEqual(consoleWriter.acked);
    expect(check.notesByLabel('cli')).toEqual(cli.acked);
  }, 60_000);

  it('survives both concurrent writers being killed at different moments', async () => {
    const first = startWorker(['notes', dataDir.path, incidentId, 'first']);
    const second = startWorker(['notes', dataDir.path, incidentId, 'second']);
    await Promise.all([first.firstAck, second.firstAck]);
    const delays = [50 + Math.floor(random() * 351), 50 + Math.floor(random() * 351)].sort((a, b) => a - b) as [number, number];
    await sleep(delays[0]);
    first.child.kill('SIGKILL');
    await sleep(delays[1] - delays[0]);
    second.child.kill('SIGKILL');
    const exits = await Promise.all([first.finished, second.finished]);
    const context = `seed ${seed}, kills at ${delays.join(' and ')} ms`;
    expect(exits.map((exit) => exit.signal), `${context}: ${exits.map((exit) => exit.stderr).join('\n')}`).toEqual(['SIGKILL', 'SIGKILL']);

    const check = inspect(dataDir.path, incidentId, [...first.acked, ...second.acked]);
    expect(check.missing, context).toEqual([]);
    expect(check.integrity, context).toBe('ok');
    expect(check.verify, context).toEqual({ ok: true, problems: [] });
    expect(check.notesByLabel('first').length - first.acked.length, context).toBeLessThanOrEqual(1);
    expect(check.notesByLabel('second').length - second.acked.length, context).toBeLessThanOrEqual(1);
  }, 60_000);
});
