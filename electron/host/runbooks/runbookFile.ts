// Loading one runbook file, whatever is on the disk: a file that is too big, binary, unreadable or of an
// unknown kind becomes a problem at line 1, column 1, never an exception, so one bad file in a team's
// runbook folder never hides the others (the library, `holdfast runbook lint` and the console rely on it).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Runbook, RunbookProblem } from '../../contract';
import { importMarkdownRunbook } from './markdownImport';
import { parseYamlRunbook } from './yamlRunbook';
import { errorMessage } from '../../contract';

export type RunbookFormat = 'yaml' | 'markdown' | 'unknown';

export interface LoadedRunbookFile {
  runbook?: Runbook;
  problems: RunbookProblem[];
  format: RunbookFormat;
}

const mebibyte = 1024 * 1024;
/** Runbooks are text people read during an incident; anything bigger is a mistake (a log, a dump). */
export const runbookFileLimitBytes = 5 * mebibyte;
/** How much of the start of a file decides "binary" (as git and grep do). */
const sniffBytes = 8 * 1024;

/** Markdown files in a runbook repository that document the repository rather than being runbooks. */
const repositoryDocs = new Set(['readme.md', 'changelog.md', 'contributing.md', 'code_of_conduct.md', 'license.md', 'security.md']);

export function runbookFormatOf(path: string): RunbookFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return 'unknown';
}

export function loadRunbookFile(path: string): LoadedRunbookFile {
  const format = runbookFormatOf(path);
  const fail = (message: string): LoadedRunbookFile => ({ format, problems: [{ path, line: 1, column: 1, message }] });
  try {
    if (format === 'unknown') {
      const checked = checkPath(path);
      return fail('problem' in checked ? checked.problem : 'not a runbook file: runbooks are .yaml, .yml, .md or .markdown');
    }
    const read = readRunbookText(path);
    if ('problem' in read) return fail(read.problem);
    if (format === 'yaml') return { format, ...parseYamlRunbook(path, read.text) };
    // The importer validates with runbookSchema itself; it may return a runbook together with warnings.
    return { format, ...importMarkdownRunbook(path, read.text) };
  } catch (error) {
    // Parsers are meant never to throw; if one does, the file still gets a problem rather than a crash.
    return fail(`could not load this runbook (${errorMessage(error)}); please report it`);
  }
}

/** Reads a file as UTF-8 text, or says in the user's words why it is not a runbook. */
export function readRunbookText(path: string): { text: string } | { problem: string } {
  const checked = checkPath(path);
  if ('problem' in checked) return checked;
  if (checked.stats.size > runbookFileLimitBytes) return { problem: tooBig(checked.stats.size) };

  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: `cannot read: ${osReason(error)}` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > runbookFileLimitBytes) return { problem: tooBig(size) };
    // One spare byte tells us the file grew between fstat and read (an editor still saving it).
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > size) return { problem: 'the file changed while it was being read; try again' };
    return decode(buffer.subarray(0, length));
  } catch (error) {
    return { problem: `cannot read: ${osReason(error)}` };
  } finally {
    closeSync(fd);
  }
}

function checkPath(path: string): { stats: Stats } | { problem: string } {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      readdirSync(path); // only to report an unreadable folder as such
      return { problem: 'is a folder, not a runbook file' };
    }
    // A FIFO or device would block or never end; only regular files are runbooks.
    return stats.isFile() ? { stats } : { problem: 'not a regular file' };
  } catch (error) {
    return { problem: `cannot read: ${osReason(error)}` };
  }
}

function decode(bytes: Buffer): { text: string } | { problem: string } {
  const head = bytes.subarray(0, sniffBytes);
  // Windows editors' "Unicode" is UTF-16: full of NUL bytes, but text the author can simply re-save.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { problem: 'UTF-16 text; save the file as UTF-8' };
  try {
    if (head.includes(0)) throw new Error('NUL');
    // stream: a character cut in two at the 8 KiB mark is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return { problem: 'binary file, not a runbook' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
    return { problem: `not valid UTF-8 text (first bad byte on line ${line}); save the file as UTF-8` };
  }
}

function tooBig(bytes: number): string {
  const size = Math.ceil((bytes / mebibyte) * 10) / 10;
  return `file is ${size} MiB; runbooks are limited to ${runbookFileLimitBytes / mebibyte} MiB`;
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'input/output error (a failing disk or a lost network share?)',
  EMFILE: 'too many open files',
};

function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  return errorMessage(error);
}

/**
 * Files and folders → runbook files, in a stable order. Folders are searched recursively for .yaml, .yml,
 * .md and .markdown, skipping node_modules, hidden entries and repository documents (README.md, …);
 * paths named explicitly are kept whatever they are, so the caller reports on them. Paths keep the form
 * they were given in (relative stays relative), for messages the user recognises.
 */
export function findRunbookFiles(paths: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (!seen.has(key)) found.push(path), seen.add(key);
  };
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Missing or unreadable: kept, so loading it reports why.
    }
    if (isFolder) walk(path, add);
    else add(path);
  }
  return found;
}

function walk(folder: string, add: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    add(folder); // reported as unreadable when loaded
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    // Symbolic links to folders are not followed (they can loop); links to files are read like files.
    if (entry.isDirectory()) walk(path, add);
    else if ((entry.isFile() || entry.isSymbolicLink()) && runbookFormatOf(entry.name) !== 'unknown' && !repositoryDocs.has(entry.name.toLowerCase())) add(path);
  }
}
