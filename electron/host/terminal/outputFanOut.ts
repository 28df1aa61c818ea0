// One terminal's output on its way to the renderers attached to it, with flow control (as VS Code does):
// every attached client counts the bytes it was sent and has not acknowledged; when any client is above
// the high watermark the pty stops being read (the program writing blocks on a full pty), and reading
// resumes when every client is back below the low watermark. A flood therefore costs bounded memory and
// never buries the renderer, and Ctrl+C still reaches the program at once (input does not wait on output).
// Recent output is kept so a renderer that attaches later (a re-opened tab, a reconnect) sees the screen.
import { flowControl } from '../../contract';

export interface StreamClient {
  send(terminalId: string, data: Uint8Array): void;
}

/** Bytes of recent output replayed to a renderer that attaches. */
export const replayBytes = 256 * 1024;
/** A frame never holds more than this (the watermarks count frames as they are sent). */
export const maxFrameBytes = 64 * 1024;
/** Output arriving within this long of the last frame is gathered into the next one. */
const streamingGapMs = 4;

export class OutputFanOut {
  private readonly unacked = new Map<StreamClient, number>();
  private readonly recent: Buffer[] = [];
  private recentBytes = 0;
  /** Older output than `recent` holds was dropped, so the replay starts wherever the kept chunks start. */
  private recentTrimmed = false;
  private paused = false;
  /** Output waiting to go out as one frame (see push). */
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private flushScheduled = false;
  private lastFlushAt = 0;

  constructor(
    private readonly terminalId: string,
    private readonly pty: { pause(): void; resume(): void },
  ) {}

  push(data: Buffer): void {
    this.remember(data);
    if (this.unacked.size === 0) return;
    this.batch.push(data);
    this.batchBytes += data.length;
    if (this.batchBytes >= maxFrameBytes) return this.flush();
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // After a quiet spell (a keystroke's echo) the output goes out at once; while output streams, pty reads
    // (4 KiB each) are gathered for a few milliseconds so a flood travels in fewer, larger frames.
    if (performance.now() - this.lastFlushAt < streamingGapMs) setTimeout(() => this.flush(), streamingGapMs);
    else setImmediate(() => this.flush());
  }

  /**
   * Starts sending to `client`, beginning with the replay. An attach always means a fresh screen (a new
   * page, or a page that reset its terminal), so a client that attaches again starts over: what it was sent
   * before will never be acknowledged and must not keep the pty paused, and output still waiting in the
   * batch is already in the replay, so it must not get that twice.
   */
  attach(client: StreamClient): void {
    this.unacked.delete(client);
    this.flush();
    this.unacked.set(client, 0);
    const replay = this.replay();
    if (replay.length > 0) this.sendTo(client, replay);
    else this.balance();
  }

  detach(client: StreamClient): void {
    this.unacked.delete(client);
    this.balance();
  }

  ack(client: StreamClient, bytes: number): void {
    const before = this.unacked.get(client);
    if (before === undefined) return;
    this.unacked.set(client, Math.max(0, before - bytes));
    this.balance();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** A new shell starts in this terminal: its screen starts empty for renderers that attach later. */
  clearReplay(): void {
    this.recent.length = 0;
    this.recentBytes = 0;
    this.recentTrimmed = false;
  }

  /** Forgets the clients and resumes the pty (the session is closing). */
  reset(): void {
    this.unacked.clear();
    this.batch = [];
    this.batchBytes = 0;
    this.balance();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.batch.length === 0) return;
    const data = this.batch.length === 1 ? this.batch[0]! : Buffer.concat(this.batch);
    this.batch = [];
    this.batchBytes = 0;
    this.lastFlushAt = performance.now();
    for (const client of this.unacked.keys()) this.sendTo(client, data);
  }

  private sendTo(client: StreamClient, data: Buffer): void {
    this.unacked.set(client, (this.unacked.get(client) ?? 0) + data.length);
    try {
      client.send(this.terminalId, data);
    } catch {
      this.unacked.delete(client); // a closed socket or window: stop counting it
    }
    this.balance();
  }

  private balance(): void {
    let most = 0;
    for (const bytes of this.unacked.values()) most = Math.max(most, bytes);
    if (!this.paused && most > flowControl.highWatermarkBytes) {
      this.paused = true;
      this.pty.pause();
    } else if (this.paused && most <= flowControl.lowWatermarkBytes) {
      this.paused = false;
      this.pty.resume();
    }
  }

  /** Keeps at least the last `replayBytes` of output (whole chunks), and never much more than twice that. */
  private remember(data: Buffer): void {
    this.recent.push(data);
    this.recentBytes += data.length;
    while (this.recent.length > 1 && this.recentBytes - this.recent[0]!.length >= replayBytes) {
      this.recentBytes -= this.recent.shift()!.length;
      this.recentTrimmed = true;
    }
    if (this.recentBytes > replayBytes * 2) {
      const kept = Buffer.from(Buffer.concat(this.recent).subarray(-replayBytes));
      this.recent.length = 0;
      this.recent.push(kept);
      this.recentBytes = kept.length;
      this.recentTrimmed = true;
    }
  }

  /** The last `replayBytes` of output; when older output was cut off, from the first line start on, so the
   * replay does not begin in the middle of an escape sequence or a character (pty chunks end anywhere). */
  private replay(): Buffer {
    const all = Buffer.concat(this.recent);
    if (!this.recentTrimmed && all.length <= replayBytes) return all;
    const tail = all.subarray(-replayBytes);
    const newline = tail.indexOf(0x0a);
    return newline >= 0 ? tail.subarray(newline + 1) : tail;
  }
}
