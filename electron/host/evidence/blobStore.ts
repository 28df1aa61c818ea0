// Content-addressed evidence blobs: <dataDir>/evidence/sha256/ab/abcdef…, named by the SHA-256 of their bytes.
// Written once, never modified: streamed to a temp file while hashing, fsynced, renamed into place (atomic),
// and the folder fsynced so the rename itself survives power loss. The same content is stored once.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, fsyncSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatBytes, HoldfastError } from '../../contract';
import { fsyncFolder } from '../durableFiles';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** True when identical content was already stored. */
  deduplicated: boolean;
}

export interface BlobProblem {
  sha256: string;
  problem: 'missing' | 'mismatch';
  detail: string;
}

export class BlobStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence');
  }

  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Stores bytes from any async source, refusing more than maxBytes. */
  async put(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
    const tempDir = join(this.root, 'tmp');
    mkdirSync(tempDir, { recursive: true });
    const tempPath = join(tempDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const fd = openSync(tempPath, 'wx', 0o600);
    try {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > maxBytes) throw new HoldfastError('invalid_params', `Attachment is larger than the limit of ${formatBytes(maxBytes)}; change the limit in Settings if it must be kept.`);
        hash.update(chunk);
        let written = 0;
        while (written < chunk.length) written += writeSync(fd, chunk, written);
      }
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(tempPath, { force: true });
      throw describeWriteError(error);
    }
    closeSync(fd);

    const sha256 = hash.digest('hex');
    const finalPath = this.pathOf(sha256);
    if (existsSync(finalPath)) {
      rmSync(tempPath, { force: true });
      return { sha256, size, deduplicated: true };
    }
    mkdirSync(dirname(finalPath), { recursive: true });
    renameSync(tempPath, finalPath);
    fsyncFolder(dirname(finalPath));
    return { sha256, size, deduplicated: false };
  }

  putBytes(bytes: Uint8Array, maxBytes: number): Promise<StoredBlob> {
    return this.put((async function* () { yield bytes; })(), maxBytes);
  }

  putFile(path: string, maxBytes: number): Promise<StoredBlob> {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new HoldfastError('invalid_params', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    if (!stats.isFile()) throw new HoldfastError('invalid_params', `${path} is not a regular file.`);
    if (stats.size > maxBytes) throw new HoldfastError('invalid_params', `${path} is ${formatBytes(stats.size)}, over the attachment limit of ${formatBytes(maxBytes)}.`);
    const stream = createReadStream(path);
    return this.put(readOrExplain(stream, path), maxBytes);
  }

  /** Re-hashes each blob; reports missing files and content that no longer matches its name. */
  async verify(blobs: { sha256: string; size: number }[]): Promise<BlobProblem[]> {
    const problems: BlobProblem[] = [];
    for (const { sha256 } of blobs) {
      const path = this.pathOf(sha256);
      if (!existsSync(path)) {
        problems.push({ sha256, problem: 'missing', detail: `${path} does not exist` });
        continue;
      }
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      const actual = hash.digest('hex');
      if (actual !== sha256) problems.push({ sha256, problem: 'mismatch', detail: `${path} now hashes to ${actual}` });
    }
    return problems;
  }
}

async function* readOrExplain(stream: AsyncIterable<Buffer>, path: string): AsyncIterable<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    throw new HoldfastError('invalid_params', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

function describeWriteError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new HoldfastError('unavailable', 'The disk is full: the attachment was not stored (nothing else was changed). Free some space and try again.');
  if (code === 'EFBIG') return new HoldfastError('unavailable', 'The attachment is larger than this disk or account allows for one file (EFBIG); it was not stored.');
  return error;
}
