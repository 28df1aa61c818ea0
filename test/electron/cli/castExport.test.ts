// `holdfast incident export ID --format cast --out PATH [--terminal ID]` on a real data dir whose
// recordings were written by the real recorder: which terminal is exported, and what the user is told
// when there is none, more than one, or the one asked for does not exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingPath } from '../../../electron/host/terminal/recordings';
import { runInProcess } from '../../helpers/cliRunner';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { writeRecording } from '../host/terminal/terminalFixtures';

let dataDir: ReturnType<typeof makeTempDataDir>;
beforeEach(() => (dataDir = makeTempDataDir('holdfast-cast-cli-')));
afterEach(() => dataDir.remove());

const holdfast = (...args: string[]) => runInProcess(...args, '--data-dir', dataDir.path);

/** Declares an incident; returns its human id (what the user types) and internal id (where files go). */
async function declared(): Promise<{ humanId: string; id: string }> {
  const { code, stdout } = await holdfast('incident', 'declare', '--title', 'Checkout errors', '--severity', 'SEV1');
  expect(code).toBe(0);
  const humanId = stdout.split(/\s+/)[0]!;
  const shown = JSON.parse((await holdfast('incident', 'show', humanId, '--json')).stdout) as { incident: { id: string } };
  return { humanId, id: shown.incident.id };
}

async function recorded(incidentId: string, terminalId: string, title: string, startedAt: string): Promise<string> {
  const path = recordingPath(dataDir.path, incidentId, terminalId);
  await writeRecording(path, { title, terminalId, incidentId, timestamp: Date.parse(startedAt) / 1000 }, [`$ echo ${terminalId}\r\n`, `${terminalId}\r\n`]);
  return path;
}

const exportCast = (humanId: string, out: string, ...extra: string[]) => holdfast('incident', 'export', humanId, '--format', 'cast', '--out', out, ...extra);

describe('holdfast incident export --format cast', () => {
  let incident: { humanId: string; id: string };
  let out: string;
  beforeEach(async () => {
    incident = await declared();
    out = join(dataDir.path, 'out', 'session.cast');
  });

  it('says so when the incident had no terminal, and writes nothing', async () => {
    const result = await exportCast(incident.humanId, out);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${incident.humanId} has no terminal recordings`);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the only recording, byte for byte, and prints where', async () => {
    const source = await recorded(incident.id, '01JQTERMINALAAAAAAAAAAAAAA', 'bash 1', '2026-03-01T14:05:00Z');
    const result = await exportCast(incident.humanId, out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);
    expect(readFileSync(out).equals(readFileSync(source))).toBe(true);
  });

  describe('with two terminals', () => {
    const first = '01JQTERMINALAAAAAAAAAAAAAA';
    const second = '01JQTERMINALBBBBBBBBBBBBBB';
    let sources: Record<string, string>;
    beforeEach(async () => {
      sources = {
        [first]: await recorded(incident.id, first, 'bash 1', '2026-03-01T14:05:00Z'),
        [second]: await recorded(incident.id, second, 'db shell', '2026-03-01T14:20:00Z'),
      };
    });

    it('asks which one, listing both, as a usage error', async () => {
      const result = await exportCast(incident.humanId, out);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${incident.humanId} has 2 terminal recordings`);
      expect(result.stderr).toContain(`${first} (bash 1, started 2026-03-01T14:05:00.000Z)`);
      expect(result.stderr).toContain(`${second} (db shell, started 2026-03-01T14:20:00.000Z)`);
      expect(result.stderr).toContain('--terminal');
      expect(existsSync(out)).toBe(false);
    });

    it('exports the one named with --terminal, by id or by title', async () => {
      expect((await exportCast(incident.humanId, out, '--terminal', second)).code).toBe(0);
      expect(readFileSync(out).equals(readFileSync(sources[second]!))).toBe(true);
      expect((await exportCast(incident.humanId, out, '--terminal', 'bash 1')).code).toBe(0);
      expect(readFileSync(out).equals(readFileSync(sources[first]!))).toBe(true);
    });

    it('refuses a --terminal the incident does not have, listing the ones it has', async () => {
      const result = await exportCast(incident.humanId, out, '--terminal', 'nope');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`no terminal "nope" in ${incident.humanId}`);
      expect(result.stderr).toContain(first);
      expect(result.stderr).toContain(second);
      expect(existsSync(out)).toBe(false);
    });
  });

  it("does not export another incident's recording", async () => {
    const other = await declared();
    await recorded(other.id, '01JQTERMINALCCCCCCCCCCCCCC', 'bash 1', '2026-03-01T15:00:00Z');
    expect((await exportCast(incident.humanId, out)).code).not.toBe(0);
    expect((await exportCast(other.humanId, out)).code).toBe(0);
  });
});
