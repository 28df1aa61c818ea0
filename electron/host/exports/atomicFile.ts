// Writes a file so that readers see either the old file or the complete new one, never a half-written
// export: write to a temp file beside the target (same filesystem, so rename is atomic), fsync it,
// rename it into place, then fsync the folder so the rename itself survives a power cut.
import { fsyncFolder } from '../durableFiles';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Runs `write(tempPath)`, then makes the result durable and visible at `target`; returns its size. */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void> | void): Promise<{ path: string; bytes: number }> {
  const path = resolve(target);
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  // A dot-name so a folder watcher or file browser does not offer the unfinished file as the export.
  const tempPath = join(folder, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(tempPath);
    fsyncFile(tempPath);
    renameSync(tempPath, path);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
  fsyncFolder(folder);
  return { path, bytes: statSync(path).size };
}

export function writeTextAtomically(target: string, text: string): Promise<{ path: string; bytes: number }> {
  return writeAtomically(target, (tempPath) => writeFileSync(tempPath, text, { encoding: 'utf8', flag: 'wx' }));
}

function fsyncFile(path: string): void {
  // r+ rather than r: Windows only flushes through a handle opened for writing.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
