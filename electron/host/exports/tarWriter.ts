// A minimal ustar (POSIX.1-1988) writer: regular files only, which is all an evidence bundle holds. Our own
// rather than an npm package so the export has no extra dependency to audit; any tar (GNU, bsdtar, 7-Zip)
// reads the result. Bodies are streamed, so an evidence file is never held whole in memory.
import { TarFormatError, blockSize } from './tarFormat';

export interface TarEntry {
  /** Forward-slash path inside the archive. */
  path: string;
  size: number;
  /** The bytes, or a source streamed when the entry is written; it must yield exactly `size` bytes. */
  body: Uint8Array | (() => AsyncIterable<Uint8Array>);
}

/** Largest size the 11-digit octal field holds (8 GiB - 1); bigger sizes use the GNU base-256 form. */
const maxOctalSize = 8 ** 11 - 1;

/** The archive's bytes, entry by entry; entries are pulled lazily so a later one may depend on earlier ones. */
export async function* tarStream(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>, mtime: Date): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    yield tarHeader(entry.path, entry.size, mtime);
    let written = 0;
    const chunks = entry.body instanceof Uint8Array ? [entry.body] : entry.body();
    for await (const chunk of chunks) {
      written += chunk.length;
      // The header already promised `size` bytes: more or fewer would misalign every later entry.
      if (written > entry.size) throw new TarFormatError(`${entry.path} grew while it was being archived (expected ${entry.size} bytes)`);
      yield chunk;
    }
    if (written !== entry.size) throw new TarFormatError(`${entry.path} shrank while it was being archived (${written} of ${entry.size} bytes)`);
    const padding = (blockSize - (entry.size % blockSize)) % blockSize;
    if (padding) yield new Uint8Array(padding);
  }
  // End of archive: two zero blocks.
  yield new Uint8Array(blockSize * 2);
}

export function tarHeader(path: string, size: number, mtime: Date): Uint8Array {
  if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`invalid size ${size} for ${path}`);
  const { name, prefix } = splitPath(path);
  const header = Buffer.alloc(blockSize);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 100, 8, 0o644); // mode
  writeOctal(header, 108, 8, 0); // uid
  writeOctal(header, 116, 8, 0); // gid
  if (size <= maxOctalSize) writeOctal(header, 124, 12, size);
  else writeBase256(header, 124, 12, size);
  writeOctal(header, 136, 12, Math.max(0, Math.floor(mtime.getTime() / 1000)));
  header.write('0', 156, 1, 'ascii'); // typeflag: regular file
  header.write('ustar\u0000', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  // The checksum is computed with its own field read as eight spaces, then stored as 6 octal digits, NUL, space.
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return header;
}

/** ustar keeps 100 bytes of name plus a 155-byte prefix, split at a slash; longer paths are refused. */
function splitPath(path: string): { name: string; prefix: string } {
  const length = (text: string) => Buffer.byteLength(text, 'utf8');
  if (length(path) <= 100) return { name: path, prefix: '' };
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const name = path.slice(slash + 1);
    if (length(name) > 100) break; // moving the split left only makes the name longer
    if (name && length(path.slice(0, slash)) <= 155) return { name, prefix: path.slice(0, slash) };
  }
  throw new TarFormatError(`the path ${path} is too long for a ustar archive`);
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii');
}

/** GNU's extension for numbers too big for octal: high bit set, then the value big-endian. */
function writeBase256(header: Buffer, offset: number, length: number, value: number): void {
  let remaining = BigInt(value);
  for (let index = offset + length - 1; index > offset; index--) {
    header[index] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
  header[offset] = 0x80;
}
