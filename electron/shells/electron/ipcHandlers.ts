// ipcMain handlers, one per contract method, generated from the contract. Each checks that the call comes
// from our own console page in our own window before the host sees it.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { methodNames, type Outcome } from '../../contract';
import type { Host, TerminalStreamConnection } from '../../host/host';
import { ipcChannelFor, ipcTerminalOutputChannel, ipcTerminalStreamChannel } from './ipcChannels';

export const consoleOrigin = 'app://holdfast';

/** Only the console itself, loaded from our app:// scheme, may call the host. */
export function isConsoleFrameUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'holdfast';
  } catch {
    return false;
  }
}

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
 * Terminal streams over IPC: one host stream connection per console page (webContents), created on its
 * first message and closed when the page goes away, so flow control never waits on a dead window.
 */
export function registerTerminalStream(
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>,
  host: Pick<Host, 'connectTerminalStream'>,
  isTrustedSender: (event: IpcMainEvent) => boolean,
): () => void {
  const connections = new Map<WebContents, TerminalStreamConnection>();
  const connectionFor = (sender: WebContents) => {
    let connection = connections.get(sender);
    if (!connection) {
      const opened = host.connectTerminalStream((frame) => {
        if (!sender.isDestroyed()) sender.send(ipcTerminalOutputChannel, frame);
      });
      connection = opened;
      connections.set(sender, opened);
      sender.once('destroyed', () => {
        opened.close();
        connections.delete(sender);
      });
    }
    return connection;
  };
  const listener = (event: IpcMainEvent, message: unknown) => {
    if (!isTrustedSender(event)) return;
    connectionFor(event.sender).receive(message);
  };
  ipcMain.on(ipcTerminalStreamChannel, listener);
  return () => {
    ipcMain.removeListener(ipcTerminalStreamChannel, listener);
    connections.forEach((connection) => connection.close());
    connections.clear();
  };
}
