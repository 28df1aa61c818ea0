// The evidence bundle end to end on real files: export from a real incident log, read back with an
// independent tar reader (and GNU tar where installed), verify, then tamper with it the ways people would.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleManifest, IncidentDocument, TimelineDocument } from '../../../../electron/host/exports/bundleFormat';
import { verifyBundle } from '../../../../electron/host/exports/bundleVerify';
import { exportIncident } from '../../../../electron/host/exports/exportIncident';
import { readTarGzEntries, writeTarGzEntries, type RawEntry } from '../../../helpers/tarArchive';
import { binaryEvidence, openFixture, textEvidence, workedIncident, type Fixture } from './incidentFixture';

const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((opened) => opened.close()));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const hasGnuTar = (() => {
  try {
    return /GNU tar|bsdtar/.test(execFileSync('tar', ['--version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

async function exportedBundle(): Promise<{ opened: Fixture; path: string; entries: RawEntry[]; manifest: BundleManifest; incidentId: string; progress: { done: number; total: number; stage: string }[] }> {
  const opened = openFixture();
  fixtures.push(opened);
  const incident = await workedIncident(opened);
  const path = join(opened.dataDir, 'exports', `${incident.humanId}-evidence.tar.gz`);
  const progress: { done: number; total: number; stage: string }[] = [];
  const result = await exportIncident(opened.log, { incidentId: incident.id, format: 'bundle', outPath: path, exportedBy: 'Ana Ops', now: new Date('2026-03-02T09:00:00Z'), onProgress: (p) => progress.push(p) });
  expect(result).toEqual({ path, bytes: readFileSync(path).length });
  const entries = readTarGzEntries(readFileSync(path));
  const manifest = JSON.parse(entries.find((entry) => entry.path === 'manifest.json')!.body.toString('utf8')) as BundleManifest;
  return { opened, path, entries, manifest, incidentId: incident.id, progress };
}

/** Rewrites the bundle with `change` applied to its entries (the archive itself stays well formed). */
function tamper(path: string, change: (entries: RawEntry[]) => RawEntry[]): void {
  writeFileSync(path, writeTarGzEntries(change(readTarGzEntries(readFileSync(path)))));
}

function replaceJson<T>(entries: RawEntry[], name: string, edit: (value: T) => void): RawEntry[] {
  return entries.map((entry) => {
    if (entry.path !== name) return entry;
    const value = JSON.parse(entry.body.toString('utf8')) as T;
    edit(value);
    return { path: name, body: Buffer.from(JSON.stringify(value, null, 2)) };
  });
}

describe('evidence bundle export', () => {
  it('holds every document and each distinct evidence blob once, all covered by the manifest, and verifies clean', async () => {
    const { opened, path, entries, manifest, incidentId } = await exportedBundle();
    const incident = opened.log.incidents.require(incidentId);
    const names = entries.map((entry) => entry.path);
    expect(names.slice(0, 4)).toEqual(['incident.json', 'timeline.json', 'postmortem.md', 'incident-log.md']);
    expect(names.at(-1)).toBe('manifest.json');
    expect(new Set(names).size).toBe(names.length);

    const textPath = `evidence/${sha256(textEvidence)}-app.log`;
    const binaryPath = `evidence/${sha256(binaryEvidence)}-heap_dump_prod_1.bin`;
    expect(names.filter((name) => name.startsWith('evidence/')).sort()).toEqual([textPath, binaryPath].sort());
    expect(entries.find((entry) => entry.path === binaryPath)!.body.equals(binaryEvidence)).toBe(true);
    expect(entries.find((entry) => entry.path === textPath)!.body.equals(textEvidence)).toBe(true);

    // The manifest lists every other file with the hash and size of what is actually in the archive.
    expect(manifest.files.map((file) => file.path).sort()).toEqual(names.filter((name) => name !== 'manifest.json').sort());
    for (const file of manifest.files) {
      const body = entries.find((entry) => entry.path === file.path)!.body;
      expect({ path: file.path, sha256: file.sha256, size: file.size }).toEqual({ path: file.path, sha256: sha256(body), size: body.length });
    }
    expect(manifest).toMatchObject({ format: 'holdfast-evidence-bundle', formatVersion: 1, incident: { id: incident.id, humanId: incident.humanId }, exportedAt: '2026-03-02T09:00:00.000Z', exportedBy: 'Ana Ops' });
    // The same bytes attached twice: one file, both evidence records.
    expect(manifest.files.find((file) => file.path === textPath)!.evidence!.map((record) => record.name)).toEqual(['app.log', 'app-copy.log']);
    expect(manifest.files.find((file) => file.path === binaryPath)!.evidence).toEqual([expect.objectContaining({ name: 'heap dump (prod) #1.bin', size: binaryEvidence.length, mediaType: 'application/octet-stream' })]);

    const timeline = JSON.parse(entries.find((entry) => entry.path === 'timeline.json')!.body.toString('utf8')) as TimelineDocument;
    expect(timeline.chain).toEqual({ ok: true, eventsChecked: timeline.events.length, problems: [] });
    expect(timeline.events).toEqual(opened.log.incidents.timeline(incidentId));
    const document = JSON.parse(entries.find((entry) => entry.path === 'incident.json')!.body.toString('utf8')) as IncidentDocument;
    expect(document.incident).toEqual(incident);
    expect(document.actionItems.map((item) => item.title)).toEqual(['Alert on 502 rate | per region']);
    expect(entries.find((entry) => entry.path === 'postmortem.md')!.body.toString('utf8')).toContain(`# Incident Post-Mortem: ${incident.humanId}`);

    expect(await verifyBundle(path)).toEqual({ ok: true, filesChecked: names.length, problems: [] });
    // Written atomically: nothing but the bundle is left in the folder.
    expect(readdirSync(join(opened.dataDir, 'exports'))).toEqual([`${incident.humanId}-evidence.tar.gz`]);
  });

  it('reports byte progress that only grows and ends at the total', async () => {
    const { progress, manifest } = await exportedBundle();
    const contentBytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    expect(progress[0]).toEqual({ done: 0, total: contentBytes, stage: 'preparing' });
    expect(progress.at(-1)).toEqual({ done: contentBytes, total: contentBytes, stage: 'done' });
    for (let index = 1; index < progress.length; index++) expect(progress[index]!.done).toBeGreaterThanOrEqual(progress[index - 1]!.done);
    expect(progress.some((p) => p.stage === 'evidence')).toBe(true);
  });

  it.skipIf(!hasGnuTar)('is a standard tar.gz that the system tar lists and extracts byte for byte', async () => {
    const { opened, path, entries } = await exportedBundle();
    expect(execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).trim().split('\n')).toEqual(entries.map((entry) => entry.path));
    const into = join(opened.dataDir, 'extracted');
    mkdirSync(into);
    execFileSync('tar', ['-xzf', path, '-C', into]);
    for (const entry of entries) expect(readFileSync(join(into, entry.path)).equals(entry.body)).toBe(true);
  });

  it('keeps long, non-ASCII evidence names within ustar limits (using the prefix field) and still verifies', async () => {
    const opened = openFixture();
    fixtures.push(opened);
    const incident = opened.log.incidents.declare({ title: 'Names', severity: 'SEV2' });
    await opened.log.evidence.add(incident.id, { kind: 'bytes', bytes: Buffer.from('x'), name: `${'Überlange Datei — '.repeat(12)}.log` });
    const path = join(opened.dataDir, 'b.tar.gz');
    await exportIncident(opened.log, { incidentId: incident.id, format: 'bundle', outPath: path });
    const evidence = readTarGzEntries(readFileSync(path)).find((entry) => entry.path.startsWith('evidence/'))!;
    // 109 bytes: over ustar's 100-byte name, so "evidence" travels in the prefix field and the rest fits the name.
    expect(Buffer.byteLength(evidence.path)).toBe(109);
    if (hasGnuTar) expect(execFileSync('tar', ['-tzf', path], { encoding: 'utf8' })).toContain(`${evidence.path}\n`);
    expect(evidence.path).toMatch(/^evidence\/[0-9a-f]{64}-Uberlange_Datei_[A-Za-z_]*\.log$/);
    expect((await verifyBundle(path)).problems).toEqual([]);
  });

  it('refuses to bundle a damaged evidence blob and leaves an earlier export in place', async () => {
    const { opened, path, incidentId } = await exportedBundle();
    const before = readFileSync(path);
    const blob = opened.log.evidence.blobs.pathOf(sha256(binaryEvidence));
    const damaged = Buffer.from(binaryEvidence);
    damaged[10] = damaged[10]! ^ 0xff;
    writeFileSync(blob, damaged);
    await expect(exportIncident(opened.log, { incidentId, format: 'bundle', outPath: path })).rejects.toThrow(/heap dump \(prod\) #1\.bin.*damaged/);
    rmSync(blob);
    await expect(exportIncident(opened.log, { incidentId, format: 'bundle', outPath: path })).rejects.toThrow(/missing from the evidence store/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(opened.dataDir, 'exports'))).toHaveLength(1);
  });
});

describe('verifyBundle on tampered bundles', () => {
  it('names an evidence file with one flipped byte', async () => {
    const { path } = await exportedBundle();
    const binaryPath = `evidence/${sha256(binaryEvidence)}-heap_dump_prod_1.bin`;
    tamper(path, (entries) => entries.map((entry) => (entry.path === binaryPath ? { path: entry.path, body: Buffer.from(entry.body.map((byte, index) => (index === 1234 ? byte ^ 0x01 : byte))) } : entry)));
    const verdict = await verifyBundle(path);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.length).toBeGreaterThan(0);
    expect(verdict.problems.every((problem) => problem.file === binaryPath)).toBe(true);
    expect(verdict.problems.map((problem) => problem.problem).join('\n')).toMatch(/does not match the manifest[\s\S]*not the sha256 in its name/);
  });

  it('reports a broken hash chain when an event in timeline.json is edited, even with the manifest updated to match', async () => {
    const { path } = await exportedBundle();
    let editedSeq = 0;
    tamper(path, (entries) => {
      const edited = replaceJson<TimelineDocument>(entries, 'timeline.json', (timeline) => {
        const note = timeline.events.find((event) => event.kind === 'note')!;
        note.data = { text: 'nothing to see here' };
        editedSeq = note.seq;
      });
      const body = edited.find((entry) => entry.path === 'timeline.json')!.body;
      return replaceJson<BundleManifest>(edited, 'manifest.json', (manifest) => {
        const file = manifest.files.find((candidate) => candidate.path === 'timeline.json')!;
        Object.assign(file, { sha256: sha256(body), size: body.length });
      });
    });
    const { ok, problems } = await verifyBundle(path);
    expect(ok).toBe(false);
    expect(problems).toEqual([{ file: 'timeline.json', problem: expect.stringMatching(new RegExp(`^event #${editedSeq} .*altered`)) }]);
  });

  it('names a file removed from the archive, and evidence removed from archive and manifest alike', async () => {
    const { path } = await exportedBundle();
    const original = readFileSync(path);
    const binaryPath = `evidence/${sha256(binaryEvidence)}-heap_dump_prod_1.bin`;
    tamper(path, (entries) => entries.filter((entry) => entry.path !== 'postmortem.md'));
    expect((await verifyBundle(path)).problems).toEqual([{ file: 'postmortem.md', problem: 'is listed in the manifest but missing from the archive' }]);

    writeFileSync(path, original);
    tamper(path, (entries) =>
      replaceJson<BundleManifest>(entries.filter((entry) => entry.path !== binaryPath), 'manifest.json', (manifest) => {
        manifest.files = manifest.files.filter((file) => file.path !== binaryPath);
      }),
    );
    const { problems } = await verifyBundle(path);
    expect(problems).toEqual([{ file: binaryPath, problem: expect.stringContaining('the timeline records evidence "heap dump (prod) #1.bin"') }]);
  });

  it('names a file added without being listed in the manifest', async () => {
    const { path } = await exportedBundle();
    tamper(path, (entries) => [...entries, { path: 'evidence/extra.txt', body: Buffer.from('planted') }]);
    const { problems } = await verifyBundle(path);
    expect(problems.map((problem) => problem.file)).toEqual(['evidence/extra.txt', 'evidence/extra.txt']);
    expect(problems[0]!.problem).toBe('is in the archive but not listed in the manifest');
  });

  it('reports a truncated, a non-gzip and an unterminated archive as one problem each, without throwing', async () => {
    const { path, entries } = await exportedBundle();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = await verifyBundle(path);
    expect(truncated.ok).toBe(false);
    expect(truncated.problems).toEqual([{ file: basename(path), problem: expect.stringMatching(/gzip stream is damaged or cut short/) }]);

    writeFileSync(path, 'this is not a gzip file at all');
    expect((await verifyBundle(path)).problems).toEqual([{ file: basename(path), problem: expect.stringMatching(/gzip/) }]);

    // Well-formed gzip around a tar that stops mid-entry, or lacks its end-of-archive marker.
    writeFileSync(path, gzipSync(gunzipSync(whole).subarray(0, 2000)));
    expect((await verifyBundle(path)).problems).toEqual([{ file: basename(path), problem: expect.stringMatching(/truncated in the middle of an entry/) }]);
    writeFileSync(path, writeTarGzEntries(entries, { endMarker: false }));
    expect((await verifyBundle(path)).problems).toEqual([{ file: basename(path), problem: expect.stringMatching(/truncated \(no end-of-archive marker/) }]);

    const missing = await verifyBundle(join(path, 'nope.tar.gz'));
    expect(missing.ok).toBe(false);
    expect(missing.problems).toHaveLength(1);
    expect(existsSync(path)).toBe(true);
  });
});
