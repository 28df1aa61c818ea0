// The `holdfast` CLI as users run it: a child process, real signals, output collected. Also builds the CLI
// from the working tree into a private folder, for tests that must run the code as it is now rather than
// whatever dist/ was last built from.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { makeTempDataDir } from '../../helpers/tempDataDir';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** The first stdout line, once printed. */
  firstLine: Promise<string>;
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `node cliPath ...args` with a private HOME (should the data dir choice go wrong, nothing lands in the
 * real user's folders) and without the caller's HOLDFAST_DATA_DIR.
 */
export function spawnCli(cliPath: string, args: string[], options: { home: string; env?: NodeJS.ProcessEnv }): CliProcess {
  const baseEnv = { ...process.env };
  delete baseEnv.HOLDFAST_DATA_DIR;
  const env = { ...baseEnv, HOME: options.home, XDG_CONFIG_HOME: join(options.home, '.config'), ...options.env };
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exited.then(({ code }) => reject(new Error(`holdfast exited with ${code} before printing a line; stderr: ${stderr}`)));
  });
  firstLine.catch(() => undefined);
  return { child, firstLine, output: () => ({ stdout, stderr }), exited };
}

export interface CliBuild {
  cliPath: string;
  remove(): void;
}

/**
 * Bundles electron/cli/bin.ts as scripts/build.js does, into <temp>/dist/cli.js, with what the bundle finds
 * beside it: a one-page stand-in renderer, and links to the repo's node_modules, runbooks and resources.
 */
export async function buildCliFromSource(): Promise<CliBuild> {
  const root = makeTempDataDir('holdfast-cli-build-');
  const dist = join(root.path, 'dist');
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ['./electron/cli/bin.ts'],
    outfile: join(dist, 'cli.js'),
    platform: 'node',
    target: 'node20',
    format: 'esm',
    bundle: true,
    packages: 'external',
    logLevel: 'warning',
  });
  mkdirSync(join(dist, 'renderer'));
  writeFileSync(join(dist, 'renderer', 'index.html'), '<!doctype html><title>Holdfast (test build)</title>\n');
  for (const name of ['node_modules', 'runbooks', 'resources']) symlinkSync(join(repoRoot, name), join(root.path, name));
  return { cliPath: join(dist, 'cli.js'), remove: root.remove };
}

/** Kills a stand-in process (a fake browser) that wrote its pid to `pidFile`, should it still be running. */
export function killByPidFile(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Polls `condition` until it holds; throws, naming `what`, after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
