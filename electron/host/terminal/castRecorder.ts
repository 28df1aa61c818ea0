// Records a terminal session as an asciinema v2 file (https://docs.asciinema.org/manual/asciicast/v2/):
// a JSON header line, then one [seconds, "o" | "r", data] line per output or resize. The file grows as the
// session runs, so a crash keeps everything up to the last write, and a recording outlives the console.
// What is written is redacted first (the session's secret values and credential shapes), line by line:
// a secret split across two pty reads is still caught because a partial line waits for its end.
// An export of a terminal still open asks its recorder to flush first: the partial line and the queued
// writes are the output the responder saw last.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { formatBytes } from '../../contract';
import { redact, type SecretValues } from './redaction';

export interface CastHeader {
  cols: number;
  rows: number;
  title: string;
  /** Unix seconds of the session's start. */
  timestamp: number;
  shell: string;
  /** Holdfast's own keys (players ignore unknown header keys): who the recording belongs to. */
  terminalId: string;
  incidentId: string | null;
}

export interface CastRecorderOptions {
  /** Most output bytes recorded; the recording then says it stopped. */
  maxBytes: number;
  /** Secret values to keep out of the recording (they can change while the session runs). */
  secrets: () => SecretValues;
  /** Monotonic milliseconds. */
  clock?: () => number;
}

/** A partial line longer than this is written anyway (a progress bar redraws with \r, never \n). */
const maxPendingChars = 64 * 1024;
/** A partial line waits at most this long for its end. */
const pendingFlushMs = 250;

export class CastRecorder {
  private readonly out: WriteStream;
  private readonly decoder = new StringDecoder('utf8');
  private readonly clock: () => number;
  private readonly startedMs: number;
  private pending = '';
  private pendingSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private recordedBytes = 0;
  private stopped = false;

  constructor(
    readonly path: string,
    header: CastHeader,
    private readonly options: CastRecorderOptions,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.clock = options.clock ?? (() => performance.now());
    this.startedMs = this.clock();
    // Appending: a restarted shell in the same terminal continues the same recording.
    this.out = createWriteStream(path, { flags: 'a', mode: 0o600 });
    this.out.on('error', () => (this.stopped = true));
    const { cols, rows, title, timestamp, shell, terminalId, incidentId } = header;
    this.out.write(`${JSON.stringify({ version: 2, width: cols, height: rows, timestamp, title, env: { SHELL: shell, TERM: 'xterm-256color' }, holdfast: { terminalId, incidentId } })}\n`);
  }

  output(data: Buffer): void {
    if (this.stopped) return;
    this.recordedBytes += data.length;
    if (this.recordedBytes > this.options.maxBytes) {
      this.writeLines(true);
      this.event('o', `\r\n[Holdfast: recording stopped after ${formatBytes(this.options.maxBytes)} of output]\r\n`);
      this.stopped = true;
      return;
    }
    if (!this.pending) this.pendingSince = this.elapsed();
    this.pending += this.decoder.write(data);
    this.writeLines(this.pending.length > maxPendingChars);
    if (this.pending && !this.timer) this.timer = setTimeout(() => this.writeLines(true), pendingFlushMs);
  }

  resize(cols: number, rows: number): void {
    if (this.stopped) return;
    this.writeLines(true);
    this.event('r', `${cols}x${rows}`);
  }

  /**
   * Writes everything recorded so far, a partial line included, and waits until it is on the disk (bytes
   * of a character that a pty read cut in two wait for the rest of it). The recording goes on after it.
   */
  async flush(): Promise<void> {
    if (this.out.writableEnded) return; // closed: close wrote everything
    this.writeLines(true);
    await this.queuedWritesDone();
    await this.syncToDisk();
  }

  async close(): Promise<void> {
    this.pending += this.decoder.end();
    this.writeLines(true);
    this.stopped = true;
    await new Promise<void>((done) => this.out.end(done));
  }

  /** Writes whole lines (or everything, when `all`), keeping a partial last line for later. */
  private writeLines(all: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const cut = all ? this.pending.length : this.pending.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    const text = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.event('o', redact(text, this.options.secrets()).text, this.pendingSince);
    this.pendingSince = this.elapsed();
  }

  /** Resolves when every write queued so far has reached the file, or the stream has failed. */
  private queuedWritesDone(): Promise<void> {
    // A stream completes its writes in order, so an empty one completes after all those queued before it.
    return new Promise((done) => this.out.write('', () => done()));
  }

  /** fsync through a handle of its own: the stream's may be closed meanwhile (by close) and its number reused. */
  private async syncToDisk(): Promise<void> {
    // r+ rather than r: Windows only flushes through a handle opened for writing.
    const file = await open(this.path, 'r+');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  }

  private event(kind: 'o' | 'r', data: string, at = this.elapsed()): void {
    if (!this.stopped) this.out.write(`${JSON.stringify([Math.round(at * 1e6) / 1e6, kind, data])}\n`);
  }

  private elapsed(): number {
    return (this.clock() - this.startedMs) / 1000;
  }
}
