// ipcMain handlers, one per contract method, generated from the contract, and the terminal stream. Each
// message is checked against the sender check (consoleSender.ts) before the host sees it.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { methodNames, type Outcome } from '../../contract';
import type { Host, TerminalStreamConnection } from '../../host/host';
import { ipcChannelFor, ipcTerminalOutputChannel, ipcTerminalStreamChannel } from './ipcChannels';
import { onPageEnd } from './pageEnd';

export function registerContractHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  host: Pick<Host, 'call'>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannelFor(method), async (event, params): Promise<Outcome> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'unauthorized', message: `Refused ${method}: the caller is not the Holdfast console.` } };
      }
      return host.call(method, params);
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(ipcChannelFor(method)));
}

/**
 * Terminal streams over IPC: one host stream connection per console page, created on its first message and
 * closed when that page ends (reload, navigation, renderer crash, window closed). A page that ends mid-flood
 * never acknowledges what it was sent; left open, its connection would keep the pty paused for good.
 */
export function registerTerminalStream(
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>,
  host: Pick<Host, 'connectTerminalStream'>,
  isTrustedSender: (event: IpcMainEvent) => boolean,
): () => void {
  const pages = new Map<WebContents, { connection: TerminalStreamConnection; stopWatching: () => void }>();
  const closePage = (sender: WebContents) => {
    const page = pages.get(sender);
    if (!page) return;
    pages.delete(sender);
    page.stopWatching();
    page.connection.close();
  };
  const connectionFor = (sender: WebContents) => {
    const existing = pages.get(sender);
    if (existing) return existing.connection;
    const connection = host.connectTerminalStream((frame) => {
      if (!sender.isDestroyed()) sender.send(ipcTerminalOutputChannel, frame);
    });
    pages.set(sender, { connection, stopWatching: onPageEnd(sender, () => closePage(sender)) });
    return connection;
  };
  const listener = (event: IpcMainEvent, message: unknown) => {
    if (!isTrustedSender(event)) return;
    connectionFor(event.sender).receive(message);
  };
  ipcMain.on(ipcTerminalStreamChannel, listener);
  return () => {
    ipcMain.removeListener(ipcTerminalStreamChannel, listener);
    [...pages.keys()].forEach(closePage);
  };
}
