// `holdfast start`: the best window this machine can give. Electron when its binary is installed; else the
// browser shell in a Chromium/Chrome app window; else the browser shell's link, printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CommandContext } from '../command';
import { exitOf } from '../launchers/childExit';
import { openChromiumAppWindow } from '../launchers/chromiumAppWindow';
import { findChromium, hasDisplay } from '../launchers/findChromium';
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

  // The browser's command line is readable by every local user: it gets a single-use launch code, not the token.
  const window = openChromiumAppWindow(browser, running.shell.launchUrl(), { runningAsRoot: process.getuid?.() === 0 });
  const outcome = await Promise.race([running.stopRequested.then((signal) => ({ signal })), window.exited.then((code) => ({ closed: code }))]);
  if ('closed' in outcome && outcome.closed === -1) {
    context.stderr.write(`Could not open ${browser}; open the link above in your browser.\n`);
    await running.stopRequested;
  }
  const [profileWarning] = await Promise.all([window.close(), running.stop()]);
  // The console itself stopped cleanly; a profile left in the temp folder is worth a line, not a failure.
  if (profileWarning) context.stderr.write(`holdfast start: ${profileWarning}\n`);
  return 0;
}
