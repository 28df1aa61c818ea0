// ipcMain handlers, one per contract method, generated from the contract. Each checks that the call comes
// from our own console page in our own window before the host sees it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames, type Outcome } from '../../contract';
import type { Host } from '../../host/host';
import { ipcChannelFor } from './ipcChannels';

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
