// `holdfast incident …` and `holdfast evidence …` on a real data dir: what a responder types, what they get.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/cliRunner';
import { makeTempDataDir } from '../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
beforeEach(() => (dataDir = makeTempDataDir('holdfast-incident-cli-')));
afterEach(() => dataDir.remove());

const holdfast = (...args: string[]) => runInProcess(...args, '--data-dir', dataDir.path);

async function declared(...extra: string[]): Promise<string> {
  const { code, stdout } = await holdfast('incident', 'declare', '--title', 'Flag outage: mass deny', '--severity', 'SEV1', ...extra);
  expect(code).toBe(0);
  return stdout.split(/\s+/)[0]!;
}

describe('holdfast incident', () => {
  it('declares with a human ID of year, device counter and device code, and lists it', async () => {
    const first = await declared('--trigger', 'INC-FLAG-OUTAGE', '--service', 'gate,config');
    const second = await declared();
    expect(first).toMatch(/^INC-\d{4}-0001-[0-9A-Z]{3}$/);
    expect(second).toMatch(/^INC-\d{4}-0002-[0-9A-Z]{3}$/);

    const { stdout } = await holdfast('incident', 'list');
    expect(stdout.split('\n')[0]).toMatch(/^ID\s+SEVERITY\s+STATUS\s+DETECTED\s+TITLE$/);
    expect(stdout).toContain(first);
    const listed = JSON.parse((await holdfast('incident', 'list', '--json')).stdout);
    expect(listed.map((incident: { humanId: string }) => incident.humanId).sort()).toEqual([first, second].sort());
  });

  it('adds notes, moves status, and shows it all on the timeline', async () => {
    const id = await declared();
    expect((await holdfast('incident', 'note', id, 'deny ratio 93%,', 'reason flag_unavailable')).code).toBe(0);
    expect((await holdfast('incident', 'status', id, 'acknowledged')).stdout).toBe(`${id} is now acknowledged\n`);

    const shown = JSON.parse((await holdfast('incident', 'show', id, '--json')).stdout);
    expect(shown.incident.status).toBe('acknowledged');
    expect(shown.incident.acknowledgedAt).not.toBeNull();
    expect(shown.timeline.map((event: { kind: string }) => event.kind)).toEqual(['declared', 'note', 'status_changed']);
    expect(shown.timeline[1].data.text).toBe('deny ratio 93%, reason flag_unavailable');

    const text = (await holdfast('incident', 'show', id)).stdout;
    expect(text).toContain('Status changed from detected to acknowledged');
    expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  });

  it('refuses what the lifecycle and the severity scheme do not allow, exit 1, one line, nothing changed', async () => {
    const id = await declared();
    const jump = await holdfast('incident', 'status', id, 'closed');
    expect(jump.code).toBe(1);
    expect(jump.stderr).toMatch(/Cannot move the incident from detected to closed\. From detected it can move to: acknowledged, investigating\./);
    expect(jump.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse((await holdfast('incident', 'show', id, '--json')).stdout).incident.status).toBe('detected');

    const badSeverity = await holdfast('incident', 'declare', '--title', 'x', '--severity', 'SEV9');
    expect(badSeverity.code).toBe(1);
    expect(badSeverity.stderr).toMatch(/Unknown severity "SEV9".*SEV0, SEV1, SEV2, SEV3/);
    expect((await holdfast('incident', 'show', 'INC-1999-0001-XXX')).code).toBe(1);
  });

  it('treats wrong usage as exit 2', async () => {
    expect((await holdfast('incident', 'declare', '--severity', 'SEV1')).code).toBe(2);
    expect((await holdfast('incident', 'status', 'INC-1')).code).toBe(2);
    expect((await holdfast('incident', 'status', 'INC-1', 'sleeping')).code).toBe(2);
    expect((await holdfast('incident', 'list', '--status', 'nope')).code).toBe(2);
    expect((await holdfast('incident', 'declare', '--title', '', '--severity', 'SEV1')).stderr).toMatch(/--title/);
  });
});

describe('holdfast evidence', () => {
  it('adds a file as hashed evidence, deduplicates, and verifies; a changed blob fails verification', async () => {
    const id = await declared();
    const file = join(dataDir.path, 'psql-output.txt');
    writeFileSync(file, 'psql: error: connection to server failed\n');
    const added = await holdfast('evidence', 'add', id, file);
    expect(added.code).toBe(0);
    const sha256 = added.stdout.split(/\s+/)[0]!;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await holdfast('evidence', 'add', id, file)).stdout.split(/\s+/)[0]).toBe(sha256);

    expect((await holdfast('evidence', 'verify')).stdout).toBe('ok: 1 evidence blobs verified\n');
    writeFileSync(join(dataDir.path, 'evidence', 'sha256', sha256.slice(0, 2), sha256), 'tampered\n');
    const verify = await holdfast('evidence', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`mismatch: sha256:${sha256}`);
  });

  it('explains an unreadable file and stores nothing', async () => {
    const id = await declared();
    const missing = await holdfast('evidence', 'add', id, join(dataDir.path, 'nope.log'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.log: no such file/);
    const directory = await holdfast('evidence', 'add', id, dataDir.path);
    expect(directory.stderr).toMatch(/is not a regular file/);
    expect(JSON.parse((await holdfast('incident', 'show', id, '--json')).stdout).evidence).toEqual([]);
  });
});

describe('holdfast incident export and bundle verify', () => {
  it('exports each format; the bundle verifies, and fails naming the file after one flipped byte', async () => {
    const id = await declared();
    await holdfast('incident', 'note', id, 'dominant deny reason: flag_unavailable');
    const log = join(dataDir.path, 'gate.log');
    writeFileSync(log, 'deny ratio 0.93\n'.repeat(100));
    await holdfast('evidence', 'add', id, log);

    const postmortem = join(dataDir.path, 'out', 'pm.md');
    expect((await holdfast('incident', 'export', id, '--format', 'postmortem', '--out', postmortem)).code).toBe(0);
    expect(readFileSync(postmortem, 'utf8')).toContain(`# Incident Post-Mortem: ${id}`);
    const entry = join(dataDir.path, 'out', 'log.md');
    expect((await holdfast('incident', 'export', id, '--format', 'log', '--out', entry)).code).toBe(0);
    expect(readFileSync(entry, 'utf8')).toMatch(new RegExp(`## Incident #${id}`));

    const bundle = join(dataDir.path, 'out', 'bundle.tar.gz');
    const exported = await holdfast('incident', 'export', id, '--format', 'bundle', '--out', bundle);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(bundle);
    const verified = await holdfast('bundle', 'verify', bundle);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok: \d+ files verified/);

    // Flip one byte of the evidence inside the archive: gunzip, change the log's content, gzip again.
    const tar = gunzipSync(readFileSync(bundle));
    const at = tar.indexOf('deny ratio 0.93');
    tar[at] = tar[at]! ^ 0x01;
    writeFileSync(bundle, gzipSync(tar));
    const tampered = await holdfast('bundle', 'verify', bundle);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/evidence\/[0-9a-f]{64}-gate\.log/);
  });

  it('refuses an unknown format or a missing --out as usage errors', async () => {
    const id = await declared();
    expect((await holdfast('incident', 'export', id, '--format', 'pdf', '--out', 'x')).code).toBe(2);
    expect((await holdfast('incident', 'export', id, '--format', 'bundle')).code).toBe(2);
    expect((await holdfast('bundle', 'verify')).code).toBe(2);
  });
});
