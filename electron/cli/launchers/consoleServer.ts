// Runs the host behind the browser shell until SIGINT/SIGTERM (or until `stopWhen` settles), then shuts
// both down cleanly. Shared by `holdfast serve` and `holdfast start`.
import Conf from 'conf';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../../contract';
import { createHost, type Host } from '../../host/host';
import { rendererDirIsBuilt } from '../../shells/common/rendererFiles';
import { startBrowserShell, type BrowserShell } from '../../shells/browser/server';
import { CommandError } from '../command';

/** The built renderer, beside the CLI bundle (dist/cli.js → dist/renderer/). */
export const builtRendererDir = fileURLToPath(new URL('./renderer', import.meta.url));
/** The shipped runbook library, at the package root (dist/cli.js → runbooks/). */
export const builtInRunbooksDir = fileURLToPath(new URL('../runbooks', import.meta.url));
/** Shell-integration scripts, at the package root (dist/cli.js → resources/shell-integration/). */
export const shellIntegrationDir = fileURLToPath(new URL('../resources/shell-integration', import.meta.url));

export interface RunningConsole {
  host: Host;
  shell: BrowserShell;
  /** Resolves when a signal asks us to stop. */
  stopRequested: Promise<NodeJS.Signals>;
  stop(): Promise<void>;
}

export async function startConsoleServer(dataDir: string, port: number): Promise<RunningConsole> {
  if (!rendererDirIsBuilt(builtRendererDir)) throw new CommandError(`the console is not built (${builtRendererDir} is missing); run "npm run build"`);
  const host = createHost({ dataDir, shell: 'browser', createSettingsStore: (options) => new Conf<Settings>(options), builtInRunbooksDir, shellIntegrationDir });
  let shell: BrowserShell;
  try {
    shell = await startBrowserShell({ host, rendererDir: builtRendererDir, port });
  } catch (error) {
    await host.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CommandError(`port ${port} is already in use; choose another with --port, or omit --port to take a free one`);
    if (code === 'EACCES') throw new CommandError(`not allowed to listen on port ${port}; choose one above 1023`);
    throw error;
  }

  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= shell.close().then(() => host.dispose()));
  return { host, shell, stopRequested, stop };
}

/** For the user's own terminal only: the link carries the launch token. */
export function consoleUrlLine(shell: BrowserShell): string {
  return `Holdfast console: ${shell.tokenUrl}\n`;
}
