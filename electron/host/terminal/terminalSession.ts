// One terminal of the console: a shell in a pty (restartable), what the host learns from its shell
// integration marks, its output fanned out to attached renderers, and its recording. It knows nothing of
// incidents: captured commands go to the owner through `onCommand`.
// A terminal has at most one shell at a time: restart and close take turns, a restart is refused while
// the shell runs or once the terminal is closing, so no shell can be started that close would not end.
import { constants } from 'node:os';
import { basename } from 'node:path';
import { errorMessage, HoldfastError, type TerminalInfo } from '../../contract';
import type { CapturedCommand } from './commandCapture';
import { CommandStream } from './commandStream';
import { CastRecorder } from './castRecorder';
import { OutputFanOut, type StreamClient } from './outputFanOut';
import { PtySession } from './ptySession';
import { SessionSecrets } from './sessionSecrets';

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
  /** The run secrets handed to it and the values the responder assigned in it, to redact from its records. */
  private readonly secrets: SessionSecrets;
  private promptTimer: NodeJS.Timeout | undefined;
  private state: TerminalInfo;
  /** Set when close is first called: from then on nothing starts a shell and nobody hears of changes. */
  private closing: Promise<void> | undefined;
  /** The last restart or close, which the next one waits for. */
  private lifecycle: Promise<unknown> = Promise.resolve();
  private typedBeforePrompt: string[] = [];

  constructor(private readonly options: TerminalSessionOptions) {
    this.secrets = new SessionSecrets(options.secrets);
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
      { maxBytes: options.maxRecordingBytes, secrets: () => this.secrets.forRecording() },
    );
  }

  get info(): TerminalInfo {
    return { ...this.state };
  }

  /** A command is running in the shell (between its start and end marks). */
  get busy(): boolean {
    return this.stream?.commandRunning ?? false;
  }

  /** Starts the shell; throws once the terminal is closing, or while a shell runs (it would be orphaned). */
  start(): TerminalInfo {
    if (this.closing) throw this.closedError();
    if (this.shellRunning) throw new Error(`${this.state.title} already has a running shell (pid ${this.pty!.pid}); starting another would orphan it`);
    const { cols, rows } = this.state;
    try {
      this.pty = PtySession.spawn({ cwd: this.state.cwd, cols, rows, env: this.options.env, integrationDir: this.options.integrationDir });
    } catch (error) {
      this.update({ state: 'failed', pid: null, problem: errorMessage(error), capture: 'unavailable', captureProblem: 'The shell did not start.', endedAt: new Date().toISOString() });
      return this.info;
    }
    const pty = this.pty;
    this.secrets.newShell(pty.nonce);
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

  /** Starts a new shell in a terminal whose shell exited or never started (the contract's restart). */
  restart(): Promise<TerminalInfo> {
    return this.oneAtATime(async () => {
      if (this.closing) throw this.closedError();
      // Restarting a live shell would end whatever the responder is running there, unasked.
      if (this.shellRunning) throw new HoldfastError('conflict', `${this.state.title} is still running; only a shell that has exited can be restarted (close the terminal to end it).`);
      // The old shell has exited (checked above); this drops its prompt timer and typed-ahead text.
      await this.stopShell();
      // Renderers stay attached: they see the new shell's output as it comes.
      this.fanOut.clearReplay();
      return this.start();
    });
  }

  /** Ends the shell and the recording; waits for a restart already under way, then ends what it started. */
  close(): Promise<void> {
    this.closing ??= this.oneAtATime(async () => {
      await this.stopShell();
      this.fanOut.reset();
      await this.recorder.close();
    });
    return this.closing;
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

  /** Writes out the output the recorder still holds (a partial line, queued writes), onto the disk. */
  flushRecording(): Promise<void> {
    return this.recorder.flush();
  }

  get recordingPath(): string {
    return this.recorder.path;
  }

  private output(pty: PtySession, data: Buffer): void {
    if (pty !== this.pty) return;
    this.fanOut.push(data);
    // Before the recording: a command line that assigns a secret is learnt before its output is written.
    this.secrets.watch(data);
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
    for (const command of commands) this.options.onCommand(this.secrets.withLearntSecrets(command));
  }

  private exited(pty: PtySession, exitCode: number, signal: number | null): void {
    if (pty !== this.pty) return;
    clearTimeout(this.promptTimer);
    const how = signal ? `was ended by ${signalName(signal)}` : `exited with code ${exitCode}`;
    for (const command of this.stream?.end(`${this.state.title} ${how}`) ?? []) this.options.onCommand(this.secrets.withLearntSecrets(command));
    this.update({ state: 'exited', exitCode, pid: null, problem: `${basename(pty.shell)} ${how}.`, endedAt: new Date().toISOString() });
  }

  private captureLost(): void {
    if (this.state.capture !== 'waiting' || this.state.state !== 'running') return;
    const reason = 'the shell never reported a prompt to Holdfast (a startup file may replace its prompt hooks or start another program)';
    this.update({ capture: 'unavailable', captureProblem: `Commands are not being captured: ${reason}.` });
    this.typedBeforePrompt.splice(0).forEach((text) => this.write(text));
    this.options.onCaptureUnavailable(reason);
  }

  private get shellRunning(): boolean {
    return this.pty !== undefined && !this.pty.exited;
  }

  /**
   * Runs lifecycle changes one after another: two at once would each see the old shell, and each start a
   * new one (only the last of which close would know of) or start one after close ended the last.
   */
  private oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const done = this.lifecycle.then(change);
    this.lifecycle = done.catch(() => undefined);
    return done;
  }

  private closedError(): HoldfastError {
    return new HoldfastError('not_found', `No terminal ${this.options.id}; it was closed.`);
  }

  private async stopShell(): Promise<void> {
    clearTimeout(this.promptTimer);
    this.typedBeforePrompt = [];
    // Also after the shell exited by itself: background jobs it left in the terminal's session go too.
    await this.pty?.kill();
  }

  private update(patch: Partial<TerminalInfo>): void {
    this.state = { ...this.state, ...patch };
    if (!this.closing) this.options.onInfo(this.info);
  }
}

/** "SIGHUP" for 1: the name a reader knows, or the number when the platform has no name for it. */
function signalName(signal: number): string {
  return Object.entries(constants.signals).find(([, number]) => number === signal)?.[0] ?? `signal ${signal}`;
}
