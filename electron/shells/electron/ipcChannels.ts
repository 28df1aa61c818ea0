// IPC channel names, derived from the contract so main and preload cannot disagree.
import type { MethodName } from '../../contract';

export const ipcChannelPrefix = 'holdfast:call:';
export const ipcEventChannel = 'holdfast:event';

export function ipcChannelFor(method: MethodName): string {
  return ipcChannelPrefix + method;
}
