// Waiting on a child process the CLI started (Electron, a browser window).
import type { ChildProcess } from 'node:child_process';

/** The child's exit code; 128 when a signal ended it; -1 when it could not be started at all. */
export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Whether `settled` settles within `ms`; never rejects. */
export function settlesWithin(settled: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    settled.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(true)),
    );
  });
}
