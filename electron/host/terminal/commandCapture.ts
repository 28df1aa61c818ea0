// Turns the parser's marks and text into captured commands: the command line, the directory it ran in,
// when it started and ended, its exit code and its output without escape sequences. Only marks signed
// with the session's nonce count (see ShellIntegrationMark): a program printing OSC 633 can neither start,
// end nor name a command. Output is kept up to a byte limit: its head and its tail (where errors usually
// are), with a visible marker saying how much was left out in between.
import { removeDisplayControls, type ParsedItem, type ShellIntegrationMark } from './shellIntegrationParser';

export interface CapturedCommand {
  /** null when the shell sent no command line for it (the text is then unknown, never guessed). */
  commandLine: string | null;
  /** The directory the shell reported before the command ran. */
  cwd: string | null;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** null when the shell reported none. */
  exitCode: number | null;
  /** Set when the command never finished: how its shell ended while it ran (e.g. "bash 1 exited with code 3"). */
  unfinished?: string;
  output: string;
  /** UTF-8 bytes of the whole output, before truncation. */
  outputBytes: number;
  truncated: boolean;
}

export interface CommandCaptureOptions {
  /** Most bytes of output kept per command (head + tail). Default 1 MiB. */
  maxOutputBytes?: number;
  initialCwd?: string;
  /** Wall clock for the timestamps. */
  now?: () => Date;
  /** Monotonic clock (ms) for the duration, so clock changes cannot make it negative. */
  monotonic?: () => number;
}

export const defaultMaxOutputBytes = 1024 * 1024;

export function truncationMarker(bytes: number): string {
  return `\n[… ${bytes} bytes truncated by Holdfast …]\n`;
}

interface Running {
  commandLine: string | null;
  cwd: string | null;
  startedAt: Date;
  startedMono: number;
  output: BoundedOutput;
}

export class CommandCapture {
  private cwd: string | null;
  /** A command line that arrived before its command started (zsh sends E then C). */
  private pendingLine: string | null = null;
  private running: Running | undefined;
  private trustedMarkSeen = false;
  private readonly maxOutputBytes: number;
  private readonly now: () => Date;
  private readonly monotonic: () => number;

  constructor(options: CommandCaptureOptions = {}) {
    this.maxOutputBytes = Math.max(64, options.maxOutputBytes ?? defaultMaxOutputBytes);
    this.cwd = options.initialCwd ?? null;
    this.now = options.now ?? (() => new Date());
    this.monotonic = options.monotonic ?? (() => performance.now());
  }

  get currentCwd(): string | null {
    return this.cwd;
  }

  get commandRunning(): boolean {
    return this.running !== undefined;
  }

  /** True once the shell's hooks have spoken: capture works in this session. */
  get marksSeen(): boolean {
    return this.trustedMarkSeen;
  }

  /** Feeds parser items in order; returns the commands they completed. */
  push(items: ParsedItem[]): CapturedCommand[] {
    const done: CapturedCommand[] = [];
    for (const item of items) {
      if (item.type === 'text') this.text(item.text);
      else {
        const finished = this.mark(item);
        if (finished) done.push(finished);
      }
    }
    return done;
  }

  text(text: string): void {
    this.running?.output.append(text);
  }

  /** Returns the command this mark completed, if it did. */
  mark(mark: ShellIntegrationMark): CapturedCommand | undefined {
    if (!mark.trusted) return undefined;
    this.trustedMarkSeen = true;
    const running = this.running;
    switch (mark.type) {
      case 'commandLine':
        // bash sends C from PS0 before it knows the line, so E may come while the command runs.
        if (running) running.commandLine ??= mark.commandLine;
        else this.pendingLine = mark.commandLine;
        return undefined;
      case 'outputStart':
        if (!running) {
          this.running = { commandLine: this.pendingLine, cwd: this.cwd, startedAt: this.now(), startedMono: this.monotonic(), output: new BoundedOutput(this.maxOutputBytes) };
          this.pendingLine = null;
        }
        return undefined;
      case 'commandEnd':
        return running ? this.finish(running, mark.exitCode) : undefined;
      case 'cwd':
        if (!running) this.cwd = mark.path;
        return undefined;
      default:
        return undefined;
    }
  }

  /**
   * The shell ended (exited, was killed, the terminal was closed) while a command ran: that command is
   * recorded all the same, with its output so far and no exit code, saying how the shell ended.
   */
  endUnfinished(howTheShellEnded: string): CapturedCommand | undefined {
    const running = this.running;
    return running ? { ...this.finish(running, undefined), unfinished: howTheShellEnded } : undefined;
  }

  private finish(running: Running, exitCode: number | undefined): CapturedCommand {
    this.running = undefined;
    const endedAt = this.now();
    const output = running.output.result();
    return {
      commandLine: running.commandLine,
      cwd: running.cwd,
      startedAt: running.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationMs: Math.max(0, Math.round(this.monotonic() - running.startedMono)),
      exitCode: exitCode ?? null,
      output: output.text,
      outputBytes: output.bytes,
      truncated: output.truncated,
    };
  }
}

/** Text below this many characters waits to be counted with what follows: counting bytes of many tiny
 * pieces one by one (a coloured `ls`, a progress bar) costs more than the counting itself. */
const tailBatchChars = 16 * 1024;

/**
 * Keeps the first half of the byte budget and the last half; what falls between is only counted. The
 * tail holds whole pieces and drops those it no longer needs, so a flood of output costs no more memory
 * than the budget plus one batch, and no string is built for text that will be dropped.
 */
class BoundedOutput {
  private head = '';
  private headBytes = 0;
  private readonly tail: { text: string; bytes: number }[] = [];
  /** Index of the tail's first live piece (a queue without shifting the array). */
  private tailStart = 0;
  private tailBytes = 0;
  private batch = '';
  private total = 0;
  private readonly headLimit: number;
  private readonly tailLimit: number;

  constructor(limit: number) {
    this.headLimit = Math.floor(limit / 2);
    this.tailLimit = limit - this.headLimit;
  }

  append(text: string): void {
    if (this.headBytes < this.headLimit) {
      text = this.fillHead(text);
      if (text.length === 0) return;
    }
    this.batch += text;
    if (this.batch.length >= tailBatchChars) this.flushBatch();
  }

  /** Adds to the head what fits; returns the rest. */
  private fillHead(text: string): string {
    const bytes = Buffer.byteLength(text, 'utf8');
    const room = this.headLimit - this.headBytes;
    if (bytes <= room) {
      this.head += text;
      this.headBytes += bytes;
      this.total += bytes;
      return '';
    }
    const encoded = Buffer.from(text, 'utf8');
    const cut = wholeCharactersLength(encoded.subarray(0, room));
    this.head += encoded.toString('utf8', 0, cut);
    this.total += cut;
    // The head is full even when a character did not fit whole: a shorter piece must not slip in later.
    this.headBytes = this.headLimit;
    return encoded.toString('utf8', cut);
  }

  private flushBatch(): void {
    if (this.batch.length === 0) return;
    const bytes = Buffer.byteLength(this.batch, 'utf8');
    this.tail.push({ text: this.batch, bytes });
    this.batch = '';
    this.total += bytes;
    this.tailBytes += bytes;
    while (this.tail.length - this.tailStart > 1 && this.tailBytes - this.tail[this.tailStart]!.bytes >= this.tailLimit) {
      this.tailBytes -= this.tail[this.tailStart]!.bytes;
      this.tail[this.tailStart++] = { text: '', bytes: 0 };
    }
    if (this.tailStart > 64 && this.tailStart * 2 > this.tail.length) {
      this.tail.splice(0, this.tailStart);
      this.tailStart = 0;
    }
  }

  result(): { text: string; bytes: number; truncated: boolean } {
    this.flushBatch();
    let tail = Buffer.from(
      this.tail
        .slice(this.tailStart)
        .map((piece) => piece.text)
        .join(''),
      'utf8',
    );
    const keptHeadBytes = Buffer.byteLength(this.head, 'utf8');
    if (keptHeadBytes + tail.length === this.total && tail.length <= this.tailLimit) {
      return { text: storedText(this.head + tail.toString('utf8')), bytes: this.total, truncated: false };
    }
    tail = tail.subarray(Math.max(0, tail.length - this.tailLimit));
    // Start on a character boundary: no half character after the marker.
    let start = 0;
    while (start < tail.length && (tail[start]! & 0xc0) === 0x80) start++;
    const keptTail = tail.subarray(start);
    const dropped = this.total - keptHeadBytes - keptTail.length;
    const text = storedText(this.head) + truncationMarker(dropped) + storedText(keptTail.toString('utf8'));
    return { text, bytes: this.total, truncated: true };
  }
}

/** How many leading bytes hold whole UTF-8 characters (the buffer may end inside one). */
function wholeCharactersLength(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead > 0 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return 0;
  const first = bytes[lead]!;
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + size <= bytes.length ? bytes.length : lead;
}

/** A pty ends lines with CR LF; the stored text uses LF. Done on the kept text only, like the removal of
 * display controls the parser leaves in (see ShellIntegrationParser). */
function storedText(text: string): string {
  return removeDisplayControls(text).replace(/\r+\n/g, '\n');
}
