// The console's page asks before it unloads while unsent text exists (a `beforeunload` handler: a half-written
// note or status update). A browser shows its own dialog for that; Electron shows none: unhandled, the close
// is silently cancelled, and Quit from the tray would do nothing at all. So the shell asks, in words.
import type { MessageBoxSyncOptions, WebContents } from 'electron';

export const discardUnsentWorkQuestion: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Quit and discard', 'Keep editing'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  message: 'Some text in Holdfast has not been sent.',
  detail: 'A note, status update, post-mortem field, action item or correction is still being written. Quitting now discards it.',
};

/**
 * On the page's refusal to unload, asks the responder: `ask` returns the index of the button chosen. Leaving
 * lets the unload (and the quit) go on; staying keeps the window and tells the caller, whose quit is over.
 */
export function askBeforeDiscardingUnsentWork(contents: Pick<WebContents, 'on'>, ask: (question: MessageBoxSyncOptions) => number, stayed: () => void): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask(discardUnsentWorkQuestion) === 0) event.preventDefault(); // preventDefault here means: unload anyway
    else stayed();
  });
}
