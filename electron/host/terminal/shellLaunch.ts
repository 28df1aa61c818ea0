// Decides how a terminal starts the user's shell: which program, its arguments and environment, and how
// Holdfast's shell integration (resources/shell-integration) is injected so commands can be captured.
// bash and zsh get the integration; any other shell starts plainly, with the reason capture is off.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join } from 'node:path';

export type ShellIntegrationKind = 'bash' | 'zsh';

export interface ShellLaunch {
  file: string;
  args: string[];
  env: Record<string, string>;
  /** The secret the shell's hooks sign their marks with; undefined without integration. */
  nonce: string | undefined;
  integration: ShellIntegrationKind | null;
  /** Why commands in this terminal will not be captured, in the user's words; null when they will be. */
  captureProblem: string | null;
}

export interface ShellLaunchOptions {
  /** The environment the terminal inherits; its SHELL picks the shell unless `shell` is given. */
  env: NodeJS.ProcessEnv;
  /** The folder holding bash-integration.sh and zsh/. */
  integrationDir: string;
  /** A shell the user chose: used as is, without falling back. */
  shell?: string;
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
}

const fallbackShells = ['/bin/bash', '/bin/sh'];

/** Environment variables of ours that reach the shell: the integration scripts read and unset them. */
const scriptVariables = {
  nonce: 'HOLDFAST_NONCE',
  login: 'HOLDFAST_SHELL_LOGIN',
  userZdotdir: 'HOLDFAST_USER_ZDOTDIR',
} as const;

export function planShellLaunch(options: ShellLaunchOptions): ShellLaunch {
  const file = options.shell ?? pickShell(options.env);
  const env = terminalEnv(options.env);
  const kind = integrationKind(file);
  // Like the platform's own terminal: macOS Terminal starts login shells (GUI apps there do not inherit
  // the profile's PATH), Linux terminals do not (the desktop session already read ~/.profile). VS Code
  // makes the same choice; a login bash would skip ~/.bashrc where most Linux users keep their aliases.
  const login = (options.platform ?? process.platform) === 'darwin';
  // Other programs' flags are unknown (fish, dash, a custom REPL): they start without any.
  const plain = { file, args: [], env, nonce: undefined, integration: null };

  if (!kind) {
    return { ...plain, captureProblem: `Holdfast has no shell integration for ${basename(file)}, so the commands typed in this terminal are not captured (bash and zsh are supported).` };
  }
  const scripts = kind === 'bash' ? join(options.integrationDir, 'bash-integration.sh') : join(options.integrationDir, 'zsh', '.zshrc');
  if (!existsSync(scripts)) {
    return { ...plain, captureProblem: `Holdfast's shell integration for ${kind} is missing (${scripts}), so the commands typed in this terminal are not captured. Reinstalling Holdfast should restore it.` };
  }

  const nonce = randomBytes(16).toString('hex');
  env[scriptVariables.nonce] = nonce;
  if (kind === 'bash') {
    // --init-file cannot be combined with a login shell, so the script imitates one when asked.
    if (login) env[scriptVariables.login] = '1';
    return { file, args: ['--init-file', scripts, '-i'], env, nonce, integration: 'bash', captureProblem: null };
  }
  // The wrapper folder's files source the user's own from where zsh would have looked.
  if (options.env.ZDOTDIR) env[scriptVariables.userZdotdir] = options.env.ZDOTDIR;
  env.ZDOTDIR = join(options.integrationDir, 'zsh');
  return { file, args: login ? ['-i', '-l'] : ['-i'], env, nonce, integration: 'zsh', captureProblem: null };
}

/** $SHELL if it can run, else the first fallback that can; /bin/sh as the last word (spawn then says why). */
function pickShell(env: NodeJS.ProcessEnv): string {
  const wanted = env.SHELL ? resolveProgram(env.SHELL, env.PATH) : undefined;
  if (wanted && isExecutableFile(wanted)) return wanted;
  return fallbackShells.find(isExecutableFile) ?? fallbackShells[fallbackShells.length - 1]!;
}

/** A bare name (`zsh`) is looked up on PATH, as a shell would. */
function resolveProgram(program: string, path: string | undefined): string | undefined {
  if (isAbsolute(program)) return program;
  if (program.includes('/')) return undefined;
  return (path ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, program)).find(isExecutableFile);
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** By the program's name: `sh` stays plain even where it is bash, since bash then runs in POSIX mode. */
function integrationKind(file: string): ShellIntegrationKind | null {
  const name = basename(file);
  if (/^bash(-?[0-9.]+)?$/.test(name)) return 'bash';
  if (/^zsh(-?[0-9.]+)?$/.test(name)) return 'zsh';
  return null;
}

function terminalEnv(inherited: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    // Holdfast's own settings (data dir, test seeds) are not the shell's business; a `holdfast` CLI run
    // in the terminal must find the user's data, not whatever the host was started with.
    if (value !== undefined && !key.startsWith('HOLDFAST_')) env[key] = value;
  }
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  env.TERM_PROGRAM = 'Holdfast';
  // The version belonged to the terminal Holdfast was started from, if any.
  delete env.TERM_PROGRAM_VERSION;
  return env;
}
