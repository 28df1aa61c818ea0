// The ustar writer and the streaming reader on their own: header fields, long paths via the prefix,
// sizes past the octal limit, entries whose source lies about its size, and archives re-packed by GNU tar
// (GNU long names, pax headers) still reading back and verifying.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../../electron/host/exports/bundleVerify';
import { exportIncident } from '../../../../electron/host/exports/exportIncident';
import { readTarGz, type TarEntryInfo } from '../../../../electron/host/exports/tarReader';
import { tarHeader, tarStream, type TarEntry } from '../../../../electron/host/exports/tarWriter';
import { readTarGzEntries } from '../../../helpers/tarArchive';
import { makeTempDataDir } from '../../../helpers/tempDataDir';
import { openFixture, workedIncident, type Fixture } from './incidentFixture';

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));
function tempDir(): string {
  const temp = makeTempDataDir('holdfast-tar-');
  temps.push(temp);
  return temp.path;
}

const mtime = new Date('2026-03-01T00:00:00Z');
const hasGnuTar = (() => {
  try {
    return execFileSync('tar', ['--version'], { encoding: 'utf8' }).includes('GNU tar');
  } catch {
    return false;
  }
})();

async function writeArchive(path: string, entries: TarEntry[]): Promise<void> {
  await pipeline(tarStream(entries, mtime), createGzip(), createWriteStream(path));
}

async function readAll(path: string): Promise<{ info: TarEntryInfo; body: Buffer }[]> {
  const found: { info: TarEntryInfo; body: Buffer }[] = [];
  await readTarGz(path, (info) => {
    const chunks: Buffer[] = [];
    return { data: (chunk) => chunks.push(Buffer.from(chunk)), end: () => found.push({ info, body: Buffer.concat(chunks) }) };
  });
  return found;
}

describe('tarHeader', () => {
  it('writes ustar fields with a valid checksum', () => {
    const header = Buffer.from(tarHeader('manifest.json', 1234, mtime));
    expect(header.length).toBe(512);
    expect(header.subarray(0, 13).toString()).toBe('manifest.json');
    expect(header.subarray(124, 136).toString()).toBe(`${(1234).toString(8).padStart(11, '0')}\0`);
    expect(header.subarray(257, 265).toString()).toBe('ustar\u000000');
    const stored = parseInt(header.subarray(148, 154).toString(), 8);
    const sum = [...header].reduce((total, byte, index) => total + (index >= 148 && index < 156 ? 32 : byte), 0);
    expect(stored).toBe(sum);
  });

  it('splits a long path into prefix and name at a slash, and refuses one that cannot fit', () => {
    const folder = `${'a'.repeat(60)}/${'b'.repeat(60)}`;
    const header = Buffer.from(tarHeader(`${folder}/${'c'.repeat(90)}.txt`, 0, mtime));
    expect(header.subarray(0, 100).toString().replace(/\0+$/, '')).toBe(`${'c'.repeat(90)}.txt`);
    expect(header.subarray(345, 500).toString().replace(/\0+$/, '')).toBe(folder);
    expect(() => tarHeader(`x/${'n'.repeat(101)}`, 0, mtime)).toThrow(/too long/);
  });

  it('stores sizes of 8 GiB and more in base-256, which the reader decodes', async () => {
    const nineGiB = 9 * 1024 ** 3;
    const header = Buffer.from(tarHeader('big.bin', nineGiB, mtime));
    expect(header[124]).toBe(0x80);
    expect(header.readBigUInt64BE(128)).toBe(BigInt(nineGiB));
    // The reader sees the size from the header alone (the body is cut short, which it then reports).
    const path = join(tempDir(), 'big.tar.gz');
    await pipeline((async function* () { yield header; })(), createGzip(), createWriteStream(path));
    const seen: TarEntryInfo[] = [];
    await expect(readTarGz(path, (info) => void seen.push(info))).rejects.toThrow(/truncated in the middle of an entry/);
    expect(seen).toEqual([{ path: 'big.bin', size: nineGiB, type: '0' }]);
  });
});

describe('tarStream and readTarGz', () => {
  it('round-trips streamed and in-memory bodies, including empty and block-sized ones', async () => {
    const path = join(tempDir(), 'round.tar.gz');
    const big = Buffer.alloc(200_000, 7);
    const entries: TarEntry[] = [
      { path: 'empty.txt', size: 0, body: new Uint8Array() },
      { path: 'block.bin', size: 512, body: Buffer.alloc(512, 1) },
      { path: 'streamed.bin', size: big.length, body: async function* () { for (let at = 0; at < big.length; at += 65_536) yield big.subarray(at, at + 65_536); } },
    ];
    await writeArchive(path, entries);
    const read = await readAll(path);
    expect(read.map((entry) => [entry.info.path, entry.body.length])).toEqual([['empty.txt', 0], ['block.bin', 512], ['streamed.bin', big.length]]);
    expect(read[2]!.body.equals(big)).toBe(true);
    expect(readTarGzEntries(readFileSync(path)).map((entry) => entry.path)).toEqual(['empty.txt', 'block.bin', 'streamed.bin']);
  });

  it('fails the write when a streamed body yields more or fewer bytes than its header promised', async () => {
    const dir = tempDir();
    const short: TarEntry = { path: 'short.bin', size: 10, body: async function* () { yield Buffer.alloc(4); } };
    const long: TarEntry = { path: 'long.bin', size: 2, body: async function* () { yield Buffer.alloc(4); } };
    await expect(writeArchive(join(dir, 'a.tar.gz'), [short])).rejects.toThrow(/short\.bin shrank/);
    await expect(writeArchive(join(dir, 'b.tar.gz'), [long])).rejects.toThrow(/long\.bin grew/);
  });

  it('reports a damaged header checksum', async () => {
    const path = join(tempDir(), 'bad.tar.gz');
    const header = Buffer.from(tarHeader('a.txt', 0, mtime));
    header[0] = 'b'.charCodeAt(0);
    await pipeline((async function* () { yield header; yield Buffer.alloc(1024); })(), createGzip(), createWriteStream(path));
    await expect(readTarGz(path, () => undefined)).rejects.toThrow(/checksum mismatch at byte 0/);
  });
});

describe.skipIf(!hasGnuTar)('bundles re-packed by GNU tar', () => {
  let opened: Fixture | undefined;
  afterEach(() => {
    opened?.close();
    opened = undefined;
  });

  it('verify clean in gnu (long-name entries) and pax formats', async () => {
    opened = openFixture();
    const incident = await workedIncident(opened);
    await opened.log.evidence.add(incident.id, { kind: 'bytes', bytes: Buffer.from('long'), name: `${'a-very-long-evidence-file-name-'.repeat(3)}.txt` });
    const bundle = join(opened.dataDir, 'bundle.tar.gz');
    await exportIncident(opened.log, { incidentId: incident.id, format: 'bundle', outPath: bundle });
    const order = readTarGzEntries(readFileSync(bundle)).map((entry) => entry.path);
    expect(order.some((path) => path.length > 100)).toBe(true);
    const extracted = join(opened.dataDir, 'x');
    mkdirSync(extracted);
    execFileSync('tar', ['-xzf', bundle, '-C', extracted]);
    expect(readdirSync(join(extracted, 'evidence'))).toHaveLength(3);
    for (const format of ['gnu', 'pax']) {
      const repacked = join(opened.dataDir, `${format}.tar.gz`);
      execFileSync('tar', [`--format=${format}`, '-czf', repacked, '-C', extracted, ...order]);
      expect(await verifyBundle(repacked)).toEqual({ ok: true, filesChecked: order.length, problems: [] });
    }
    // And a re-pack that also tampers is still caught.
    writeFileSync(join(extracted, 'incident-log.md'), 'rewritten');
    const tampered = join(opened.dataDir, 'tampered.tar.gz');
    execFileSync('tar', ['--format=gnu', '-czf', tampered, '-C', extracted, ...order]);
    expect((await verifyBundle(tampered)).problems.map((problem) => problem.file)).toEqual(['incident-log.md', 'incident-log.md']);
  });
});
