// A deliberately separate, in-memory tar.gz reader/writer for tests: it lets tests list and tamper with
// bundles without trusting the code under test to read them back. Small archives only (whole in memory).
import { gunzipSync, gzipSync } from 'node:zlib';

export interface RawEntry {
  path: string;
  body: Buffer;
}

/** Every regular-file entry of a .tar.gz, in archive order (ustar name + prefix). */
export function readTarGzEntries(gz: Buffer): RawEntry[] {
  const tar = gunzipSync(gz);
  const entries: RawEntry[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const name = field(0, 100);
    const prefix = field(345, 155);
    const size = parseInt(field(124, 12).trim(), 8);
    const body = Buffer.from(tar.subarray(offset + 512, offset + 512 + size));
    if (body.length !== size) throw new Error(`entry ${name} is cut short`);
    entries.push({ path: prefix ? `${prefix}/${name}` : name, body });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** A plain ustar .tar.gz of these entries (paths up to 100 bytes), for rebuilding a tampered bundle. */
export function writeTarGzEntries(entries: RawEntry[], options: { endMarker?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const header = Buffer.alloc(512);
    header.write(entry.path, 0, 100, 'utf8');
    header.write('0000644\0', 100, 8, 'ascii');
    header.write('0000000\0', 108, 8, 'ascii');
    header.write('0000000\0', 116, 8, 'ascii');
    header.write(`${entry.body.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
    header.write(`${Math.floor(Date.UTC(2026, 0, 1) / 1000).toString(8).padStart(11, '0')}\0`, 136, 12, 'ascii');
    header.write('0', 156, 1, 'ascii');
    header.write('ustar\0', 257, 6, 'ascii');
    header.write('00', 263, 2, 'ascii');
    header.fill(' ', 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    blocks.push(header, entry.body, Buffer.alloc((512 - (entry.body.length % 512)) % 512));
  }
  if (options.endMarker !== false) blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
