// The console in a Chromium/Chrome app window (`--app=`) with a throwaway profile of its own: the window then
// belongs to this process, and closing it ends the console. When we close it, we wait (bounded) for the
// browser to exit before deleting the profile: Chromium writes to its profile until its last moment, and a
// deletion racing those writes fails or leaves files behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumAppArgs } from './findChromium';
import { exitOf, settlesWithin } from './childExit';
import { errorMessage } from '../../contract';

export interface ChromiumAppWindow {
  readonly profileDir: string;
  /** Resolves with the browser's exit code once it ends (e.g. the user closed the window); -1 if it never started. */
  readonly exited: Promise<number>;
  /**
   * Ends the browser (SIGTERM; SIGKILL if it lingers) and deletes its profile. Resolves with a one-line
   * warning when the profile could not be deleted; never rejects.
   */
  close(): Promise<string | undefined>;
}

export interface ChromiumAppWindowOptions {
  runningAsRoot?: boolean;
  /** How long the browser may take to shut down after SIGTERM. */
  exitWaitMs?: number;
  removeDirectory?: (path: string) => void;
}

// Chromium saves its session and preferences on the way out; a few seconds is plenty on a loaded laptop.
const defaultExitWaitMs = 5000;
// After SIGKILL the kernel ends the process at once; this only covers reaping it.
const killWaitMs = 1000;

/** `url` goes on the browser's command line, which every local user can read: never give it the token. */
export function openChromiumAppWindow(browser: string, url: string, options: ChromiumAppWindowOptions = {}): ChromiumAppWindow {
  const { runningAsRoot = false, exitWaitMs = defaultExitWaitMs, removeDirectory = removeProfileDir } = options;
  const profileDir = mkdtempSync(join(tmpdir(), 'holdfast-window-'));
  const child = spawn(browser, chromiumAppArgs(url, profileDir, runningAsRoot), { stdio: 'ignore' });
  const exited = exitOf(child);
  const isRunning = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

  let closing: Promise<string | undefined> | undefined;
  const endBrowserThenDeleteProfile = async (): Promise<string | undefined> => {
    if (isRunning()) {
      child.kill('SIGTERM');
      if (!(await settlesWithin(exited, exitWaitMs))) {
        child.kill('SIGKILL');
        await settlesWithin(exited, killWaitMs);
      }
    }
    try {
      removeDirectory(profileDir);
      return undefined;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (errorMessage(error));
      return `could not delete the browser window's temporary profile ${profileDir} (${reason}); you may delete it yourself`;
    }
  };
  return { profileDir, exited, close: () => (closing ??= endBrowserThenDeleteProfile()) };
}

function removeProfileDir(path: string): void {
  // Retries cover a helper process still letting go of a file (EBUSY, ENOTEMPTY) just after the browser exited.
  rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}
