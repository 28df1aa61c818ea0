// Who may use the host over IPC: the console page itself, as the top document of the console window, loaded
// from app://holdfast. Any frame can send IPC (an iframe, a page left mid-navigation, another window), and the
// host behind these channels reads the incident log and types into shells, so every ipcMain handler and
// listener asks this check first.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';

export const consoleOrigin = 'app://holdfast';

/** The console's own pages: app://holdfast/… (our protocol serves nothing else). */
export function isConsoleFrameUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'holdfast';
  } catch {
    return false;
  }
}

/** What the check reads from an ipcMain event (invoke or send). */
export type IpcSender = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isConsoleMainFrame(event: IpcSender, consoleContents: WebContents | undefined): boolean {
  // The console window's contents, not another window's; checked first, as a destroyed one cannot be asked more.
  if (!consoleContents || consoleContents.isDestroyed() || event.sender !== consoleContents) return false;
  const frame = event.senderFrame;
  // null or detached: the frame navigated away or was removed after it sent (e.g. a message from an unloading
  // page), so the frame Electron hands us is not the one that spoke.
  if (!frame || frame.detached) return false;
  // The top document, not an iframe inside it.
  if (frame !== consoleContents.mainFrame) return false;
  return isConsoleFrameUrl(frame.url);
}

/**
 * The sender check for ipcMain: `consoleContents` gives the console window's contents now (undefined while
 * there is no window), so a window opened again later is trusted and the old one is not.
 */
export function consoleMainFrameOnly(consoleContents: () => WebContents | undefined): (event: IpcSender) => boolean {
  return (event) => isConsoleMainFrame(event, consoleContents());
}
