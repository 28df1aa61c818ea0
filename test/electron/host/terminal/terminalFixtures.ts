// Recordings for tests: a cast header with sensible defaults, a whole recording written through the real
// CastRecorder, and a parser that reads an asciinema v2 file back as its header and events.
import { readFileSync } from 'node:fs';
import { CastRecorder, type CastHeader, type CastRecorderOptions } from '../../../../electron/host/terminal/castRecorder';

export function castHeader(overrides: Partial<CastHeader> = {}): CastHeader {
  return { cols: 80, rows: 24, title: 'bash 1', timestamp: 1_767_225_600, shell: '/bin/bash', terminalId: 'term-1', incidentId: null, ...overrides };
}

export function castRecorder(path: string, header: Partial<CastHeader> = {}, options: Partial<CastRecorderOptions> = {}): CastRecorder {
  return new CastRecorder(path, castHeader(header), { maxBytes: 10 * 1024 * 1024, secrets: () => ({}), ...options });
}

/** Records `output` (one pty read per string) and closes the file. */
export async function writeRecording(path: string, header: Partial<CastHeader>, output: string[]): Promise<void> {
  const recorder = castRecorder(path, header);
  for (const chunk of output) recorder.output(Buffer.from(chunk));
  await recorder.close();
}

export type CastEvent = [time: number, kind: string, data: string];

/** Parses a recording strictly: every line must be JSON; the first an object, the others events. */
export function readCast(path: string): { header: Record<string, unknown>; events: CastEvent[] } {
  const text = readFileSync(path, 'utf8');
  expectEndsWithNewline(text, path);
  const [first, ...rest] = text.slice(0, -1).split('\n');
  const header = JSON.parse(first!) as Record<string, unknown>;
  return { header, events: rest.map((line) => JSON.parse(line) as CastEvent) };
}

/** What the recorded output says, events of kind "o" joined. */
export function castOutput(events: CastEvent[]): string {
  return events
    .filter(([, kind]) => kind === 'o')
    .map(([, , data]) => data)
    .join('');
}

function expectEndsWithNewline(text: string, path: string): void {
  if (!text.endsWith('\n')) throw new Error(`${path} does not end with a newline: the last line was cut off`);
}
