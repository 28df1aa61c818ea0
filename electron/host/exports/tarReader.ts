// Reads a .tar.gz as a stream: each entry's bytes go to a sink as they are decompressed, so verifying a
// bundle of multi-gigabyte evidence needs no more memory than one chunk. Understands ustar (with prefix),
// pax `path`/`size` records and GNU long names, so a bundle re-packed by another tar still reads.
// A damaged archive (bad gzip, bad header checksum, cut short) is reported as a TarFormatError.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { blockSize, checksumMatches, numberField, parsePaxRecords, TarFormatError, textField } from './tarFormat';

export interface TarEntryInfo {
  path: string;
  size: number;
  /** The typeflag: '0' regular file, '5' folder, others as found. */
  type: string;
}

export interface TarEntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

/** Called per entry; return a sink to receive its bytes, or undefined to skip them. */
export type TarVisitor = (entry: TarEntryInfo) => TarEntrySink | undefined;

/** Metadata entries (pax, GNU long name) are small; anything bigger is not a metadata entry we accept. */
const maxMetadataBytes = 1024 * 1024;

export async function readTarGz(path: string, visit: TarVisitor): Promise<void> {
  const parser = new TarParser(visit);
  // pipeline() may surface an AbortError instead of what the destination threw, so keep our own error.
  let parseError: unknown;
  try {
    await pipeline(createReadStream(path), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        try {
          parser.push(chunk);
        } catch (error) {
          parseError = error;
          throw error;
        }
      }
    });
  } catch (error) {
    if (parseError !== undefined) throw parseError;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
    // zlib's own words ("unexpected end of file", "incorrect header check") name the damage well enough.
    throw new TarFormatError(`the gzip stream is damaged or cut short (${(error as Error).message})`);
  }
  parser.finish();
}

class TarParser {
  private header: Buffer[] = [];
  private headerLength = 0;
  private remaining = 0;
  private padding = 0;
  private sink: TarEntrySink | undefined;
  /** Bytes of tar consumed so far, for messages that say where the damage is. */
  private offset = 0;
  private ended = false;
  /** Overrides for the next entry from a pax header or a GNU long-name entry. */
  private nextPath: string | undefined;
  private nextSize: number | undefined;

  constructor(private readonly visit: TarVisitor) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.sink?.data(chunk.subarray(at, at + take));
        this.remaining -= take;
        this.offset += take;
        at += take;
        if (this.remaining === 0) this.endEntry();
      } else if (this.padding > 0) {
        const take = Math.min(this.padding, chunk.length - at);
        this.padding -= take;
        this.offset += take;
        at += take;
      } else {
        const take = Math.min(blockSize - this.headerLength, chunk.length - at);
        this.header.push(chunk.subarray(at, at + take));
        this.headerLength += take;
        this.offset += take;
        at += take;
        if (this.headerLength === blockSize) {
          const header = Buffer.concat(this.header);
          this.header = [];
          this.headerLength = 0;
          this.onHeader(header);
        }
      }
    }
  }

  /** After the last byte: anything unfinished means the archive was cut short. */
  finish(): void {
    if (this.ended) return;
    const where = this.remaining > 0 ? ' in the middle of an entry' : '';
    throw new TarFormatError(`the archive is truncated${where} (no end-of-archive marker after ${this.offset} bytes)`);
  }

  private onHeader(header: Buffer): void {
    if (header.every((byte) => byte === 0)) {
      this.ended = true; // the end-of-archive marker; whatever follows is padding
      return;
    }
    if (!checksumMatches(header)) throw new TarFormatError(`a tar header is damaged (checksum mismatch at byte ${this.offset - blockSize})`);
    const isPosixUstar = textField(header, 257, 6) === 'ustar';
    const prefix = isPosixUstar ? textField(header, 345, 155) : '';
    const name = textField(header, 0, 100);
    const type = String.fromCharCode(header[156]!) === '\u0000' ? '0' : String.fromCharCode(header[156]!);
    const headerSize = numberField(header, 124, 12);
    const size = type === 'x' || type === 'L' || type === 'g' ? headerSize : (this.nextSize ?? headerSize);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`a tar header has an unreadable size (at byte ${this.offset - blockSize})`);
    const path = type === 'x' || type === 'L' || type === 'g' ? name : (this.nextPath ?? (prefix ? `${prefix}/${name}` : name));

    if (type === 'x' || type === 'L' || type === 'g') {
      if (size > maxMetadataBytes) throw new TarFormatError(`a tar metadata entry is implausibly large (${size} bytes)`);
      this.sink = type === 'g' ? undefined : this.metadataSink(type);
    } else {
      this.nextPath = undefined;
      this.nextSize = undefined;
      this.sink = this.visit({ path, size, type });
    }
    this.remaining = size;
    this.padding = (blockSize - (size % blockSize)) % blockSize;
    if (size === 0) this.endEntry();
  }

  private endEntry(): void {
    const sink = this.sink;
    this.sink = undefined;
    sink?.end();
  }

  private metadataSink(type: 'x' | 'L'): TarEntrySink {
    const chunks: Buffer[] = [];
    return {
      data: (chunk) => chunks.push(Buffer.from(chunk)),
      end: () => {
        const body = Buffer.concat(chunks);
        if (type === 'L') {
          this.nextPath = textField(body, 0, body.length);
          return;
        }
        const records = parsePaxRecords(body);
        if (records.has('path')) this.nextPath = records.get('path');
        if (records.has('size')) {
          const size = Number(records.get('size'));
          if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError('a pax header has an unreadable size');
          this.nextSize = size;
        }
      },
    };
  }
}
