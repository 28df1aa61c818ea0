// The secrets one terminal session keeps out of what it records: those its owner hands it (the runbook
// runs whose steps were typed into it) and the values the responder assigns there (`export API_TOKEN=…`,
// see secretAssignments.ts), learnt for the rest of the session, across shell restarts.
// They are learnt from the command-line mark (OSC 633;E, signed with the shell's nonce) as the raw output
// streams past, before the recording is written: the shell sends it before the command's first output
// (bash from its DEBUG trap, zsh from preexec), so even that output is redacted in the recording. The
// mark is found with a byte search rather than a second decode and parse of every pty read; only the
// mark itself goes through the parser, which checks the nonce.
import type { CapturedCommand } from './commandCapture';
import type { SecretValues } from './redaction';
import { secretAssignments, type SecretAssignment } from './secretAssignments';
import { ShellIntegrationParser } from './shellIntegrationParser';

/** Most values one session learns: the recording searches each one in everything it writes. */
export const maxLearntSecrets = 256;

/** A captured command with the values its terminal had learnt when it ended, for the command's record. */
export interface CommandWithLearntSecrets extends CapturedCommand {
  learntSecrets?: readonly SecretAssignment[];
}

const commandLineMarkStart = Buffer.from('\x1b]633;E;', 'latin1');
/** Our scripts end every mark with BEL; an ESC first means it was cut off (or ended otherwise): skipped. */
const BEL = 0x07;
const ESC = 0x1b;
/** A longer mark is not waited for (the parser drops OSCs past the same size). */
const maxMarkBytes = 1024 * 1024;

export class SessionSecrets {
  /** value → the name it was first assigned to. */
  private readonly learnt = new Map<string, string>();
  private parser: ShellIntegrationParser | undefined;
  /** The start of a mark whose end has not arrived yet (or the first bytes of its opening). */
  private partial: Buffer | undefined;

  /** `handed`: secret values the owner knows by name; they can change while the session runs. */
  constructor(private readonly handed: () => Record<string, string>) {}

  /** A shell (re)started: its marks are signed with its own nonce. Without one no mark is trusted. */
  newShell(nonce: string | undefined): void {
    this.parser = nonce ? new ShellIntegrationParser(nonce) : undefined;
    this.partial = undefined;
  }

  /** Raw pty output, before the recording sees it: learns from each command line the shell announces. */
  watch(data: Buffer): void {
    if (!this.parser) return;
    const chunk = this.partial ? Buffer.concat([this.partial, data]) : data;
    this.partial = undefined;
    let from = 0;
    for (;;) {
      const start = chunk.indexOf(commandLineMarkStart, from);
      if (start < 0) return this.keepCutOpening(chunk, from);
      const end = markEnd(chunk, start + commandLineMarkStart.length);
      if (end < 0) {
        if (chunk.length - start <= maxMarkBytes) this.partial = Buffer.from(chunk.subarray(start));
        return;
      }
      if (chunk[end] === BEL) this.learnFromMark(chunk.toString('utf8', start, end + 1));
      from = chunk[end] === BEL ? end + 1 : end; // an ESC may open the next mark
    }
  }

  /** Learns the secret-named values a command line assigns. */
  learn(commandLine: string): void {
    for (const [name, value] of secretAssignments(commandLine)) {
      if (this.learnt.size >= maxLearntSecrets) return;
      if (!this.learnt.has(value)) this.learnt.set(value, name);
    }
  }

  /** What the responder assigned so far, as [name, value]. */
  learntValues(): SecretAssignment[] {
    return [...this.learnt].map(([value, name]) => [name, value] as const);
  }

  /** The command, carrying what this session had learnt when it ended (its record redacts those too). */
  withLearntSecrets(command: CapturedCommand): CommandWithLearntSecrets {
    return { ...command, learntSecrets: this.learntValues() };
  }

  /**
   * Everything to redact from the recording: the handed and learnt values, and each also as it appears
   * inside the shell's own marks, which the recording keeps: there `\`, `;` and control characters are
   * escaped (a password with a ";" in it would otherwise be written out whole in its E mark).
   */
  forRecording(): SecretValues {
    const values: SecretAssignment[] = [...Object.entries(this.handed()), ...this.learntValues()];
    const escaped = values.flatMap(([name, value]) => markEscapedForms(value).map((form) => [name, form] as const));
    return [...values, ...escaped];
  }

  private learnFromMark(mark: string): void {
    for (const item of this.parser!.feed(mark)) {
      if (item.type === 'commandLine' && item.trusted) this.learn(item.commandLine);
    }
  }

  /** A read may end inside a mark's opening bytes: they are kept to be searched with the next read. */
  private keepCutOpening(chunk: Buffer, from: number): void {
    for (let length = Math.min(commandLineMarkStart.length - 1, chunk.length - from); length > 0; length--) {
      if (chunk.subarray(chunk.length - length).equals(commandLineMarkStart.subarray(0, length))) {
        this.partial = Buffer.from(chunk.subarray(chunk.length - length));
        return;
      }
    }
  }
}

/** Where a mark's body ends (its BEL, or an ESC that cuts it off), or -1 if not in this chunk. */
function markEnd(chunk: Buffer, from: number): number {
  const bel = chunk.indexOf(BEL, from);
  const esc = chunk.indexOf(ESC, from);
  return bel < 0 ? esc : esc < 0 ? bel : Math.min(bel, esc);
}

/**
 * The value as the shell integration writes it into a mark, when that differs: "\" → "\\", ";" → "\x3b",
 * control characters → "\xHH" (bash prints the hex in lower case, zsh in upper case).
 */
export function markEscapedForms(value: string): string[] {
  if (!/[\\;\x00-\x1f]/.test(value)) return [];
  const escape = (hex: (code: number) => string) =>
    value.replace(/[\\;\x00-\x1f]/g, (ch) => (ch === '\\' ? '\\\\' : ch === ';' ? '\\x3b' : `\\x${hex(ch.charCodeAt(0))}`));
  const lower = escape((code) => code.toString(16).padStart(2, '0'));
  const upper = escape((code) => code.toString(16).toUpperCase().padStart(2, '0'));
  return lower === upper ? [lower] : [lower, upper];
}
