// One terminal of the console: a shell in a pty (restartable), what the host learns from its shell
// integration marks, its output fanned out to attached renderers, and its recording. It knows nothing of
// incidents: captured commands go to the owner through `onCommand`.
import { constants } from 'node:os';
import { basename } from 'node:path';
import type { CaptureState, TerminalInfo } from '../../contract';
import type { CapturedCommand } from './commandCapture';
import { CommandStream } from './commandStream';
import { CastRecorder } from './castRecorder';
import { OutputFanOut, type StreamClient } from './outputFanOut';
import { PtySession } from './ptySession';

export interface TerminalSessionOptions {
  id: string;
  incidentId: string | null;
  title: string;
  cwd: string;
  cols: number;
  rows: number;
  integrationDir: string;
  env: NodeJS.ProcessEnv;
  recordingPath: string;
  maxRecordingBytes: number;
  maxOutputBytes: () => number;
  secrets: () => Record<string, string>;
  onInfo: (info: TerminalInfo) => void;
  onCommand: (command: CapturedCommand) => void;
  onCaptureUnavailable: (reason: string) => void;
}

/** How long a shell with integration may take to show its first marked prompt before capture is declared lost. */
export const firstPromptTimeoutMs = 10_000;

export class TerminalSession {
  private pty: PtySession | undefined;
  private stream: CommandStream | undefined;
  private readonly fanOut: OutputFanOut;
  private readonly recorder: CastRecorder;
  private promptTimer: NodeJS.Timeout | undefined;
  private state: TerminalInfo;
  private closed = false;
  private typedBeforePrompt: string[] = [];

  constructor(private readonly options: TerminalSessionOptions) {
    this.fanOut = new OutputFanOut(options.id, { pause: () => this.pty?.pause(), resume: () => this.pty?.resume() });
    this.state = {
      id: options.id,
      incidentId: options.incidentId,
      title: options.title,
      shell: '',
      cwd: options.cwd,
      pid: null,
      state: 'failed',
      exitCode: null,
      problem: null,
      capture: 'waiting',
      captureProblem: null,
      startedAt: new Date().toISOString(),
      endedAt: null,
      cols: options.cols,
      rows: options.rows,
    };
    this.recorder = new CastRecorder(
      options.recordingPath,
      { cols: options.cols, rows: options.rows, title: options.title, timestamp: Math.floor(Date.now() / 1000), shell: options.env.SHELL ?? '', terminalId: options.id, incidentId: options.incidentId },
      { maxBytes: options.maxRecordingBytes, secrets: options.secrets },
    );
  }

  get info(): TerminalInfo {
    return { ...this.state };
  }

  /** A command is running in the shell (between its start and end marks). */
  get busy(): boolean {
    return this.stream?.commandRunning ?? false;
  }

  start(): TerminalInfo {
    const { cols, rows } = this.state;
    try {
      this.pty = PtySession.spawn({ cwd: this.state.cwd, cols, rows, env: this.options.env, integrationDir: this.options.integrationDir });
    } catch (error) {
      this.update({ state: 'failed', pid: null, problem: error instanceof Error ? error.message : String(error), capture: 'unavailable', captureProblem: 'The shell did not start.', endedAt: new Date().toISOString() });
      return this.info;
    }
    const pty = this.pty;
    this.stream = new CommandStream({ nonce: pty.nonce, initialCwd: this.state.cwd, maxOutputBytes: this.options.maxOutputBytes() });
    pty.onData((data) => this.output(pty, data));
    pty.onExit(({ exitCode, signal }) => this.exited(pty, exitCode, signal));
    this.update({ shell: pty.shell, pid: pty.pid, state: 'running', exitCode: null, problem: null, startedAt: new Date().toISOString(), endedAt: null, capture: pty.integration ? 'waiting' : 'unavailable', captureProblem: pty.captureProblem });
    if (pty.integration) this.promptTimer = setTimeout(() => this.captureLost(), firstPromptTimeoutMs);
    else this.options.onCaptureUnavailable(pty.captureProblem ?? `${basename(pty.shell)} has no Holdfast shell integration`);
    this.promptTimer?.unref();
    return this.info;
  }

  write(data: string | Buffer): void {
    if (this.state.state === 'running') this.pty?.write(data);
  }

  /**
   * Types text once the shell shows its first prompt (at once if it already has, or if it never reports
   * one): typed earlier, a new shell would echo it before its prompt and again after, and readline could
   * see it before the user's startup files finished.
   */
  typeAtPrompt(text: string): void {
    const waiting = this.state.state === 'running' && this.state.capture !== 'unavailable' && !this.stream?.promptShown;
    if (waiting) this.typedBeforePrompt.push(text);
    else this.write(text);
  }

  resize(cols: number, rows: number): void {
    if (cols === this.state.cols && rows === this.state.rows) return;
    this.pty?.resize(cols, rows);
    this.recorder.resize(cols, rows);
    this.update({ cols, rows });
  }

  rename(title: string): TerminalInfo {
    this.update({ title });
    return this.info;
  }

  async restart(): Promise<TerminalInfo> {
    await this.stopShell();
    // Renderers stay attached: they see the new shell's output as it comes.
    this.fanOut.clearReplay();
    return this.start();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopShell();
    this.fanOut.reset();
    await this.recorder.close();
  }

  attach(client: StreamClient): void {
    this.fanOut.attach(client);
  }

  detach(client: StreamClient): void {
    this.fanOut.detach(client);
  }

  ack(client: StreamClient, bytes: number): void {
    this.fanOut.ack(client, bytes);
  }

  get recordingPath(): string {
    return this.recorder.path;
  }

  private output(pty: PtySession, data: Buffer): void {
    if (pty !== this.pty) return;
    this.fanOut.push(data);
    this.recorder.output(data);
    const stream = this.stream!;
    const commands = stream.feed(data);
    if (stream.marksSeen && this.state.capture !== 'active') {
      clearTimeout(this.promptTimer);
      this.update({ capture: 'active', captureProblem: null });
    }
    // The first prompt's end, not its first mark: before readline takes the terminal, the tty would echo
    // typed text once and readline again.
    if (stream.promptShown && this.typedBeforePrompt.length) this.typedBeforePrompt.splice(0).forEach((text) => this.write(text));
    if (stream.cwd && stream.cwd !== this.state.cwd) this.update({ cwd: stream.cwd });
    for (const command of commands) this.options.onCommand(command);
  }

  private exited(pty: PtySession, exitCode: number, signal: number | null): void {
    if (pty !== this.pty) return;
    clearTimeout(this.promptTimer);
    const how = signal ? `was ended by ${signalName(signal)}` : `exited with code ${exitCode}`;
    for (const command of this.stream?.end(`${this.state.title} ${how}`) ?? []) this.options.onCommand(command);
    this.update({ state: 'exited', exitCode, pid: null, problem: `${basename(pty.shell)} ${how}.`, endedAt: new Date().toISOString() });
  }

  private captureLost(): void {
    if (this.state.capture !== 'waiting' || this.state.state !== 'running') return;
    const reason = 'the shell never reported a prompt to Holdfast (a startup file may replace its prompt hooks or start another program)';
    this.update({ capture: 'unavailable', captureProblem: `Commands are not being captured: ${reason}.` });
    this.typedBeforePrompt.splice(0).forEach((text) => this.write(text));
    this.options.onCaptureUnavailable(reason);
  }

  private async stopShell(): Promise<void> {
    clearTimeout(this.promptTimer);
    this.typedBeforePrompt = [];
    const pty = this.pty;
    if (pty && !pty.exited) await pty.kill();
  }

  private update(patch: Partial<TerminalInfo>): void {
    this.state = { ...this.state, ...patch };
    if (!this.closed) this.options.onInfo(this.info);
  }
}

/** "SIGHUP" for 1: the name a reader knows, or the number when the platform has no name for it. */
function signalName(signal: number): string {
  return Object.entries(constants.signals).find(([, number]) => number === signal)?.[0] ?? `signal ${signal}`;
}
