// One shell in a pseudo-terminal (node-pty): starts it as shellLaunch plans, passes raw bytes both ways,
// and ends it with everything it started. Bytes stay bytes (encoding: null): invalid UTF-8 and binary
// output reach the terminal untouched; decoding is the reader's business (CommandStream, xterm.js).
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import * as pty from 'node-pty';
import { errorMessage, HoldfastError } from '../../contract';
import { isExecutableFile, planShellLaunch, type ShellIntegrationKind } from './shellLaunch';

export interface PtySessionOptions {
  cwd: string;
  cols: number;
  rows: number;
  /** The environment the shell inherits (adjusted by planShellLaunch); process.env by default. */
  env?: NodeJS.ProcessEnv;
  integrationDir: string;
  /** A shell the user chose; otherwise $SHELL from `env`. */
  shell?: string;
}

export interface PtyExit {
  exitCode: number;
  /** The signal that ended the shell, if one did. */
  signal: number | null;
}

/** How long the shell and its jobs get to end after SIGHUP before SIGKILL. */
const hangupGraceMs = 1500;
const sweepPollMs = 25;

export class PtySession {
  readonly pid: number;
  readonly shell: string;
  readonly nonce: string | undefined;
  readonly integration: ShellIntegrationKind | null;
  readonly captureProblem: string | null;
  private readonly dataListeners = new Set<(data: Buffer) => void>();
  private readonly exitListeners = new Set<(exit: PtyExit) => void>();
  private exit: PtyExit | undefined;
  private readonly exitPromise: Promise<PtyExit>;
  private killing: Promise<void> | undefined;

  private constructor(
    private readonly terminal: pty.IPty,
    launch: { file: string; nonce: string | undefined; integration: ShellIntegrationKind | null; captureProblem: string | null },
  ) {
    this.pid = terminal.pid;
    this.shell = launch.file;
    this.nonce = launch.nonce;
    this.integration = launch.integration;
    this.captureProblem = launch.captureProblem;
    // node-pty types data as string, but with encoding: null it delivers Buffers.
    terminal.onData((data: string | Buffer) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (const listener of this.dataListeners) listener(bytes);
    });
    this.exitPromise = new Promise((resolve) => {
      terminal.onExit(({ exitCode, signal }) => {
        this.exit = { exitCode, signal: signal ? signal : null };
        for (const listener of this.exitListeners) listener(this.exit);
        resolve(this.exit);
      });
    });
  }

  /** Throws HoldfastError('unavailable') naming the shell, the directory and the reason when it cannot start. */
  static spawn(options: PtySessionOptions): PtySession {
    const env = options.env ?? process.env;
    const launch = planShellLaunch({ env, integrationDir: options.integrationDir, ...(options.shell === undefined ? {} : { shell: options.shell }) });
    const cannotStart = (reason: string) => new HoldfastError('unavailable', `Cannot start the shell ${launch.file} in ${options.cwd}: ${reason}`);
    // node-pty reports these only as the child's exit status 1, after the fact; checked here they get a cause.
    const cwdProblem = directoryProblem(options.cwd);
    if (cwdProblem) throw cannotStart(cwdProblem);
    if (!isExecutableFile(launch.file)) throw cannotStart(programProblem(launch.file));
    let terminal: pty.IPty;
    try {
      terminal = pty.spawn(launch.file, launch.args, { name: launch.env.TERM, cols: options.cols, rows: options.rows, cwd: options.cwd, env: launch.env, encoding: null });
    } catch (error) {
      throw cannotStart(errorMessage(error));
    }
    return new PtySession(terminal, launch);
  }

  get exited(): boolean {
    return this.exit !== undefined;
  }

  onData(listener: (data: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** Called once; a listener added after the exit is called at once. */
  onExit(listener: (exit: PtyExit) => void): () => void {
    if (this.exit) {
      listener(this.exit);
      return () => undefined;
    }
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  write(data: string | Buffer): void {
    if (!this.exit) this.terminal.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.exit) this.terminal.resize(cols, rows);
  }

  /** Stops reading the pty: once the kernel's buffer fills, the programs writing to it block. */
  pause(): void {
    if (!this.exit) this.terminal.pause();
  }

  resume(): void {
    if (!this.exit) this.terminal.resume();
  }

  /**
   * Hangs up like a closed terminal window: SIGHUP to the shell, which passes it to its jobs, and to every
   * other process of the terminal's session. Whatever still runs after the grace period is killed, jobs
   * that ignore SIGHUP (nohup) included: nobody could see or stop them once the terminal is gone.
   * Resolves when the shell has exited; safe to call again.
   */
  kill(): Promise<void> {
    this.killing ??= this.hangUp();
    return this.killing;
  }

  private async hangUp(): Promise<void> {
    const deadline = Date.now() + hangupGraceMs;
    // A shell that already exited (`sleep 1000 & exit`) can have left background jobs in its session. Its
    // pid is not signalled then: the system may have given that number to another process.
    const shellGone = this.exit !== undefined;
    // A paused pty would keep the shell blocked on a write and the exit event waiting.
    this.resume();
    for (const pid of this.sessionProcesses()) signal(pid, 'SIGHUP');
    if (!shellGone) {
      signal(this.pid, 'SIGHUP');
      signal(-this.pid, 'SIGHUP');
      if (!(await this.exitWithin(hangupGraceMs))) signal(-this.pid, 'SIGKILL');
    }
    while (Date.now() < deadline && this.sessionProcesses().length > 0) await delay(sweepPollMs);
    for (const pid of this.sessionProcesses()) signal(pid, 'SIGKILL');
    // SIGKILL is not instant either: a caller that checks right after must find them gone.
    while (this.sessionProcesses().length > 0 && Date.now() < deadline + hangupGraceMs) await delay(sweepPollMs);
    await this.exitPromise;
  }

  private exitWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void this.exitPromise.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Live processes (not zombies) whose session is the shell's: the shell made its own session, so these
   * are what the terminal started, whichever process group job control put them in. Linux only (/proc);
   * elsewhere the shell's forwarding of SIGHUP to its jobs and the group signals have to do. */
  private sessionProcesses(): number[] {
    if (process.platform !== 'linux') return [];
    const members: number[] = [];
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      return [];
    }
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readProcStat(entry);
      if (stat && stat.session === this.pid && stat.state !== 'Z') members.push(Number(entry));
    }
    return members;
  }
}

function directoryProblem(cwd: string): string | undefined {
  try {
    if (!statSync(cwd).isDirectory()) return 'it is not a directory.';
    accessSync(cwd, constants.X_OK);
    return undefined;
  } catch (error) {
    return reasonOf(error, 'the directory');
  }
}

function programProblem(file: string): string {
  try {
    if (!statSync(file).isFile()) return 'it is not a program file.';
    accessSync(file, constants.X_OK);
    return 'it cannot be run.';
  } catch (error) {
    return reasonOf(error, 'the shell');
  }
}

function reasonOf(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${what} does not exist (ENOENT).`;
  if (code === 'EACCES') return `permission denied on ${what} (EACCES).`;
  if (code === 'ENOTDIR') return `a part of the path is not a directory (ENOTDIR).`;
  return `${(error as Error).message}`;
}

/** /proc/<pid>/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces and parentheses. */
function readProcStat(pid: string): { state: string; session: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, session: Number(fields[3]) };
  } catch {
    return undefined; // it ended while we looked
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
