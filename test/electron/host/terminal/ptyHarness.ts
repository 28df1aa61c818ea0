// Real shells in real ptys for tests: a temporary HOME (so this machine's dotfiles do not matter), a
// PtySession with a CommandStream reading its output, and waits on conditions (a command captured, a
// prompt drawn, a process gone), never fixed sleeps.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CapturedCommand } from '../../../../electron/host/terminal/commandCapture';
import { CommandStream } from '../../../../electron/host/terminal/commandStream';
import { PtySession } from '../../../../electron/host/terminal/ptySession';

export const integrationDir = fileURLToPath(new URL('../../../../resources/shell-integration', import.meta.url));

/** Every shell draws this (unsigned) mark at the end of its prompt: the shell is ready for input. */
const promptEndMark = '\x1b]633;B\x07';

const started: PtySession[] = [];
const homes: string[] = [];

/** A temporary home holding `files` (paths relative to it). */
export function makeHome(files: Record<string, string> = {}): string {
  const home = mkdtempSync(join(tmpdir(), 'holdfast-pty-'));
  homes.push(home);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(home, path)), { recursive: true });
    writeFileSync(join(home, path), content);
  }
  return home;
}

export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export class ShellUnderTest {
  readonly commands: CapturedCommand[] = [];
  readonly stream: CommandStream;
  private raw = '';
  private promptCount = 0;

  constructor(
    readonly session: PtySession,
    readonly home: string,
  ) {
    this.stream = new CommandStream({ nonce: session.nonce, initialCwd: home, maxOutputBytes: 1024 * 1024 });
    session.onData((data) => {
      const scanFrom = Math.max(0, this.raw.length - promptEndMark.length);
      this.raw += data.toString('latin1');
      for (let at = this.raw.indexOf(promptEndMark, scanFrom); at >= 0; at = this.raw.indexOf(promptEndMark, at + 1)) this.promptCount++;
      this.commands.push(...this.stream.feed(data));
    });
  }

  /** All output so far, UTF-8 decoded. */
  screen(): string {
    return Buffer.from(this.raw, 'latin1').toString('utf8');
  }

  get prompts(): number {
    return this.promptCount;
  }

  type(data: string): void {
    this.session.write(data);
  }

  /** Types keys (Enter included) and waits for the next prompt, so nothing typed later lands in output. */
  async press(keys: string): Promise<void> {
    const before = this.promptCount;
    this.type(keys);
    await waitFor(() => this.promptCount > before, `a prompt after ${JSON.stringify(keys)}`);
  }

  /** Types `keys` and returns the command they ran, once the shell is ready again. */
  async run(keys: string, timeoutMs = 15_000): Promise<CapturedCommand> {
    const before = this.commands.length;
    const promptsBefore = this.promptCount;
    this.type(keys.endsWith('\r') ? keys : `${keys}\r`);
    const command = await waitFor(() => this.commands[before], `the command ${JSON.stringify(keys)}`, timeoutMs);
    await waitFor(() => this.promptCount > promptsBefore, `the prompt after ${JSON.stringify(keys)}`);
    return command;
  }
}

export interface StartOptions {
  shell: string;
  home?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** False for shells without integration: they draw no prompt mark. */
  waitForPrompt?: boolean;
}

export async function startShell(options: StartOptions): Promise<ShellUnderTest> {
  const home = options.home ?? makeHome();
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, SHELL: options.shell, LANG: 'C.UTF-8', ...options.env };
  const session = PtySession.spawn({ cwd: options.cwd ?? home, cols: 120, rows: 30, env, integrationDir });
  started.push(session);
  const shell = new ShellUnderTest(session, home);
  if (options.waitForPrompt !== false) await waitFor(() => shell.prompts > 0, `the first prompt of ${options.shell}`);
  return shell;
}

/** Kills every shell started and removes the temporary homes. */
export async function cleanUp(): Promise<void> {
  await Promise.all(started.splice(0).map((session) => session.kill()));
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
}

/** Whether a process of that name has `parent` as its parent (a command the shell started is running). */
export function hasChild(parent: number, name: string): boolean {
  return readdirSync('/proc').some((entry) => {
    const stat = procStat(entry);
    return stat !== undefined && stat.name === name && stat.parent === parent;
  });
}

/** Gone, or a zombie: dead, its exit status only waiting to be collected (by an init that may be slow). */
export function processDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return procStat(String(pid))?.state === 'Z';
}

function procStat(pid: string): { name: string; state: string; parent: number } | undefined {
  if (!/^\d+$/.test(pid)) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), state: fields[0]!, parent: Number(fields[1]) };
  } catch {
    return undefined;
  }
}
