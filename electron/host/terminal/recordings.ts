// Where terminal recordings live (<dataDir>/recordings/<incident id | scratch>/<terminal id>.cast) and how
// they are found and exported, by the console and by `holdfast incident export ID --format cast` alike.
import { copyFileSync, existsSync, readdirSync, readSync, openSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TerminalRecording } from '../../contract';
import { writeAtomically } from '../exports/atomicFile';
import { safeName } from '../exports/bundleFormat';

export function recordingPath(dataDir: string, incidentId: string | null, terminalId: string): string {
  return join(dataDir, 'recordings', incidentId ?? 'scratch', `${terminalId}.cast`);
}

/** The recordings of an incident's terminals, oldest first, described from their header lines. */
export function listRecordings(dataDir: string, incidentId: string): TerminalRecording[] {
  const folder = join(dataDir, 'recordings', incidentId);
  if (!existsSync(folder)) return [];
  const found: TerminalRecording[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.cast')) continue;
    const path = join(folder, name);
    const header = readHeader(path);
    if (!header) continue;
    found.push({ terminalId: name.slice(0, -'.cast'.length), incidentId, title: header.title, startedAt: new Date(header.timestamp * 1000).toISOString(), bytes: statSync(path).size });
  }
  return found.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.terminalId.localeCompare(b.terminalId));
}

/** Copies a recording to <dataDir>/exports/<name>-<title>-<terminal id>.cast, atomically. */
export function exportRecording(dataDir: string, source: string, label: string, recording: Pick<TerminalRecording, 'terminalId' | 'title'>): Promise<{ path: string; bytes: number }> {
  // safeName shortens to fit a tar entry; the terminal id goes outside it so two terminals never share a name.
  const readable = safeName(`${label}-${recording.title.replace(/\s+/g, '-')}`);
  const target = join(dataDir, 'exports', `${readable}-${safeName(recording.terminalId)}.cast`);
  return copyRecording(source, target);
}

/** Copies a recording to `target` atomically (readers never see half a file). */
export function copyRecording(source: string, target: string): Promise<{ path: string; bytes: number }> {
  return writeAtomically(target, (tempPath) => copyFileSync(source, tempPath));
}

function readHeader(path: string): { title: string; timestamp: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { version?: unknown; title?: unknown; timestamp?: unknown } | null;
    if (header?.version !== 2) return undefined; // JSON, but not an asciinema v2 header
    return { title: typeof header.title === 'string' ? header.title : 'terminal', timestamp: typeof header.timestamp === 'number' ? header.timestamp : 0 };
  } catch {
    return undefined; // not a recording we wrote, or cut off before its header
  } finally {
    closeSync(fd);
  }
}
