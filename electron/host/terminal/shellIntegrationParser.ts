// Streaming parser of terminal output for the shell-integration marks (OSC 633) that
// resources/shell-integration/* write. The display keeps the raw bytes (xterm.js ignores these OSCs); this
// parser only reads them. A pty chunk may end anywhere, even inside an escape sequence, so all state
// lives between feed() calls.
//
// It yields, in order, the marks and the text between escape sequences (CSI, OSC, DCS/APC/PM/SOS strings,
// two-byte escapes), which are removed. Output can be hundreds of megabytes, so text is passed over with
// indexOf(ESC), never one character at a time; other control characters (BEL, backspace) mean nothing to
// the parser and stay in the text, for removeDisplayControls() to drop from the little that is kept.
import { timingSafeEqual } from 'node:crypto';

/** Every mark says whether it ended with the session's nonce. Any program can print an OSC, so only a
 * trusted mark may start or end a command, name its command line or move the directory. */
export type ShellIntegrationMark =
  | { type: 'promptStart'; trusted: boolean }
  | { type: 'promptEnd'; trusted: boolean }
  | { type: 'commandLine'; commandLine: string; trusted: boolean }
  | { type: 'outputStart'; trusted: boolean }
  | { type: 'commandEnd'; exitCode: number | undefined; trusted: boolean }
  | { type: 'cwd'; path: string; trusted: boolean };

export type ParsedItem = ShellIntegrationMark | { type: 'text'; text: string };

export interface ParserSink {
  text(text: string): void;
  mark(mark: ShellIntegrationMark): void;
}

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;

const oscEnd = /[\x07\x18\x1a\x1b]/g;

/** A 633;E carries a whole command line (a pasted script can be long); a longer OSC is dropped. */
const maxOscChars = 1024 * 1024;

const enum State {
  Ground,
  Escape,
  EscapeIntermediate,
  Csi,
  Osc,
  OscEscape,
  /** DCS, SOS, PM, APC: skipped up to ST. */
  Str,
  StrEscape,
}

export class ShellIntegrationParser {
  private state = State.Ground;
  private osc = '';
  /** False once the OSC is known not to be a 633 mark, or too long: its payload is then not kept. */
  private oscWanted = true;
  private readonly nonce: Buffer | undefined;

  /** `nonce`: the session's secret, known only to the host and the shell's hooks. */
  constructor(nonce?: string) {
    this.nonce = nonce ? Buffer.from(nonce, 'utf8') : undefined;
  }

  /** Convenience over parse(): the items of one chunk as a list. */
  feed(chunk: string): ParsedItem[] {
    const items: ParsedItem[] = [];
    this.parse(chunk, { text: (text) => items.push({ type: 'text', text }), mark: (mark) => items.push(mark) });
    return items;
  }

  /** Hands the chunk's text and marks to `sink` in order, without building a list (the hot path). */
  parse(chunk: string, sink: ParserSink): void {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      switch (this.state) {
        case State.Ground: {
          const escape = chunk.indexOf('\x1b', i);
          const end = escape < 0 ? length : escape;
          if (end > i) sink.text(chunk.slice(i, end));
          if (escape >= 0) this.state = State.Escape;
          i = end + 1;
          break;
        }
        case State.Csi: {
          // Parameters and intermediates, up to the final byte; scanned here, CSIs are many and short.
          let code = 0;
          while (i < length) {
            code = chunk.charCodeAt(i++);
            if (code >= 0x40 || code === ESC || code === CAN || code === SUB) break;
          }
          if (code === ESC) this.state = State.Escape;
          else if (code >= 0x40 || code === CAN || code === SUB) this.state = State.Ground;
          break;
        }
        case State.Osc:
          i = this.oscPayload(chunk, i, sink);
          break;
        case State.Str: {
          const end = chunk.indexOf('\x1b', i);
          if (end < 0) return;
          this.state = State.StrEscape;
          i = end + 1;
          break;
        }
        default:
          this.control(chunk.charCodeAt(i++), sink);
      }
    }
  }

  /** Copies OSC payload up to its end (or the chunk's) in one slice; returns where parsing goes on. */
  private oscPayload(chunk: string, start: number, sink: ParserSink): number {
    oscEnd.lastIndex = start;
    const found = oscEnd.exec(chunk);
    const end = found ? found.index : chunk.length;
    if (this.oscWanted && end > start) this.collect(chunk.slice(start, end));
    if (!found) return end;
    const code = chunk.charCodeAt(end);
    if (code === BEL) this.endOsc(sink);
    else if (code === ESC) this.state = State.OscEscape;
    else this.state = State.Ground; // CAN, SUB: the sequence is cancelled
    return end + 1;
  }

  /** One character after an ESC. */
  private control(code: number, sink: ParserSink): void {
    switch (this.state) {
      case State.Escape:
        this.escape(code);
        break;
      case State.EscapeIntermediate:
        if (code === ESC) this.state = State.Escape;
        else if (code >= 0x30 && code <= 0x7e) this.state = State.Ground;
        break;
      case State.OscEscape:
        if (code === 0x5c) this.endOsc(sink); // ESC \ (ST)
        else this.escape(code); // an ESC that is not ST cancels the OSC and starts a new sequence
        break;
      case State.StrEscape:
        if (code === 0x5c) this.state = State.Ground;
        else this.escape(code); // as in OSC: an ESC that is not ST ends the string
        break;
      default:
        break;
    }
  }

  private escape(code: number): void {
    if (code === 0x5b) this.state = State.Csi; // [
    else if (code === 0x5d) {
      this.state = State.Osc; // ]
      this.osc = '';
      this.oscWanted = true;
    } else if (code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) this.state = State.Str; // P X ^ _
    else if (code === ESC) this.state = State.Escape;
    else if (code >= 0x20 && code <= 0x2f) this.state = State.EscapeIntermediate;
    else this.state = State.Ground;
  }

  private collect(part: string): void {
    this.osc += part;
    // Other OSCs (titles, hyperlinks, OSC 133) are recognised from their first characters and skipped.
    if (this.osc.length > maxOscChars || (this.osc.length >= 4 && !this.osc.startsWith('633;'))) {
      this.oscWanted = false;
      this.osc = '';
    }
  }

  private endOsc(sink: ParserSink): void {
    this.state = State.Ground;
    if (this.oscWanted && this.osc.startsWith('633;')) {
      const mark = this.mark(this.osc.slice(4));
      if (mark) sink.mark(mark);
    }
    this.osc = '';
  }

  /** `body`: "<kind>[;<field>]…". Our scripts escape ";" inside values, so fields split cleanly, and the
   * nonce, when present, is the last one. */
  private mark(body: string): ShellIntegrationMark | undefined {
    const fields = body.split(';');
    const kind = fields.shift();
    const trusted = fields.length > 0 && this.isNonce(fields[fields.length - 1]!);
    if (trusted) fields.pop();
    const value = fields[0] ?? '';
    switch (kind) {
      case 'A':
        return { type: 'promptStart', trusted };
      case 'B':
        return { type: 'promptEnd', trusted };
      case 'C':
        return { type: 'outputStart', trusted };
      case 'D':
        return { type: 'commandEnd', exitCode: /^-?\d{1,10}$/.test(value) ? Number(value) : undefined, trusted };
      case 'E':
        return { type: 'commandLine', commandLine: unescapeMarkValue(value), trusted };
      case 'P':
        return value.startsWith('Cwd=') ? { type: 'cwd', path: unescapeMarkValue(value.slice(4)), trusted } : undefined;
      default:
        return undefined;
    }
  }

  private isNonce(candidate: string): boolean {
    if (!this.nonce) return false;
    const given = Buffer.from(candidate, 'utf8');
    return given.length === this.nonce.length && timingSafeEqual(given, this.nonce);
  }
}

/** Undoes the scripts' escaping: `\\` → `\`, `\xHH` → that character; any other backslash stays. */
export function unescapeMarkValue(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(\\|x([0-9a-fA-F]{2}))/g, (_match, what: string, hex: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : what));
}

/** Control characters other than tab, line feed and carriage return: they steer a display, they are not text. */
const displayControls = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+/g;

export function removeDisplayControls(text: string): string {
  return text.replace(displayControls, '');
}

/** Text without any escape sequence or display control (tab, newline and carriage return are kept). */
export function stripAnsi(text: string): string {
  let result = '';
  for (const item of new ShellIntegrationParser().feed(text)) if (item.type === 'text') result += item.text;
  return removeDisplayControls(result);
}
