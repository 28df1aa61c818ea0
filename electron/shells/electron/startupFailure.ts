// What happens when the console cannot start (the data folder cannot be created, settings.json cannot be
// moved aside, the disk is full or read-only, …): the user is told what failed and where, and the process
// ends. A Holdfast left running with no window and no tray would still hold the single-instance lock, so
// every later launch would hand over to it and quit without a word.
import type { App, Dialog } from 'electron';
import { errorMessage } from '../../contract';

export interface StartupFailureNotice {
  title: string;
  content: string;
}

/** What the user can do about the usual causes, keyed by Node's error code. */
const remedies: Record<string, string> = {
  EACCES: 'You do not have permission to write there: give your user ownership of the folder, or choose another one.',
  EPERM: 'You do not have permission to write there: give your user ownership of the folder, or choose another one.',
  EROFS: 'The folder is on a read-only file system: choose a folder on a writable disk.',
  ENOSPC: 'The disk is full: free some space and start Holdfast again.',
  EDQUOT: 'Your disk quota is used up: free some space and start Holdfast again.',
  ENOTDIR: 'A file is in the way of the folder: move it, or choose another folder.',
  EEXIST: 'A file is in the way of the folder: move it, or choose another folder.',
};

const otherFolderHint = 'To use another folder, start Holdfast with --data-dir FOLDER or set HOLDFAST_DATA_DIR.';

export function startupFailureNotice(error: unknown, dataDir: string): StartupFailureNotice {
  const cause = errorMessage(error);
  const code = (error as { code?: unknown } | null)?.code;
  const remedy = typeof code === 'string' ? remedies[code] : undefined;
  return {
    title: 'Holdfast could not start',
    content: [
      'Holdfast could not start with its data folder:',
      `  ${dataDir}`,
      '',
      `Cause: ${cause}`,
      '',
      remedy ?? 'Check that you can read and write the folder and the files in it (settings.json, holdfast.db), and that the disk has space.',
      otherFolderHint,
    ].join('\n'),
  };
}

export interface StartupFailureDeps {
  dialog: Pick<Dialog, 'showErrorBox'>;
  app: Pick<App, 'exit'>;
  /** Also written here: the only report on Linux before the app is ready, and what a terminal launch shows. */
  writeError?: (text: string) => void;
}

/** Tells the user, then ends the process with status 1 (the single-instance lock goes with it). */
export function endFailedStartup(error: unknown, dataDir: string, deps: StartupFailureDeps): void {
  const notice = startupFailureNotice(error, dataDir);
  const writeError = deps.writeError ?? ((text: string) => process.stderr.write(text));
  // Each report may fail on its own (no stderr when launched from a desktop menu, no display for a dialog);
  // whatever they do, the process must not linger without a window.
  try {
    writeError(`${notice.title}\n${notice.content}\n`);
  } catch {
    // the dialog still says it
  }
  try {
    deps.dialog.showErrorBox(notice.title, notice.content);
  } catch {
    // stderr already says it
  }
  deps.app.exit(1);
}
