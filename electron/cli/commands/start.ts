// `holdfast start`: the best window this machine can give. Electron when its binary is installed; else the
// browser shell in a Chromium/Chrome app window; else the browser shell's link, printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CommandContext } from '../command';
import { chromiumAppArgs, findChromium, hasDisplay } from '../launchers/findChromium';
import { findElectronBinary } from '../launchers/findElectron';
import { consoleUrlLine, startConsoleServer } from '../launchers/consoleServer';

/** The package root: Electron loads it and finds dist/electron/main.js through package.json's "main". */
const appRoot = fileURLToPath(new URL('..', import.meta.url));

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Open the console (Electron if installed, else a Chromium app window, else print the link)',
  usage: '',
  async run(context) {
    const electron = findElectronBinary();
    if (electron) return runElectron(electron, context.dataDir());
    return runInBrowserWindow(context);
  },
};

async function runElectron(binary: string, dataDir: string): Promise<number> {
  const child = spawn(binary, [appRoot, `--data-dir=${dataDir}`], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const code = await exitOf(child);
  process.off('SIGINT', forward).off('SIGTERM', forward);
  return code;
}

async function runInBrowserWindow(context: CommandContext): Promise<number> {
  const running = await startConsoleServer(context.dataDir(), 0);
  context.stdout.write(consoleUrlLine(running.shell));
  const browser = hasDisplay() ? findChromium() : undefined;
  if (!browser) {
    context.stderr.write(hasDisplay() ? 'No Electron or Chromium/Chrome found: open the link above in your browser.\n' : 'No display: open the link above in a browser on this machine.\n');
    await running.stopRequested;
    await running.stop();
    return 0;
  }

  // A fresh profile per launch: the window then belongs to this process, and closing it ends the console.
  const profileDir = mkdtempSync(join(tmpdir(), 'holdfast-window-'));
  const window = spawn(browser, chromiumAppArgs(running.shell.url, profileDir, process.getuid?.() === 0), { stdio: 'ignore' });
  const windowClosed = exitOf(window).then((code) => ({ closed: code }));
  const outcome = await Promise.race([running.stopRequested.then((signal) => ({ signal })), windowClosed]);
  if ('closed' in outcome && outcome.closed === -1) {
    context.stderr.write(`Could not open ${browser}; open the link above in your browser.\n`);
    await running.stopRequested;
  }
  window.kill('SIGTERM');
  await running.stop();
  rmSync(profileDir, { recursive: true, force: true });
  return 0;
}

/** The child's exit code; -1 when it could not be started at all. */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
