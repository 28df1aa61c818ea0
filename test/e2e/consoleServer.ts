// Playwright fixture: a real `holdfast serve` (the built CLI) on a fresh data dir for each test, its terminals
// running bash in a HOME of the test's own (see testShellHome).
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestShellHome } from '../helpers/testShellHome';

const cliPath = fileURLToPath(new URL('../../bin/holdfast.js', import.meta.url));

export interface ConsoleServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops the server (SIGTERM) and waits for it to exit; returns its exit code. */
  stop(): Promise<number | null>;
}

export async function startConsoleServer(dataDir: string): Promise<ConsoleServer> {
  const homeParent = mkdtempSync(join(tmpdir(), 'holdfast-e2e-home-'));
  const env = { ...process.env, ...makeTestShellHome(homeParent, 'e2e$ ').env };
  const child = spawn(process.execPath, [cliPath, 'serve', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /Holdfast console: (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`holdfast serve exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(homeParent, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    process: child,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export const test = base.extend<{ consoleServer: ConsoleServer }>({
  consoleServer: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-e2e-'));
    const server = await startConsoleServer(dataDir);
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
