// IPC channel names, derived from the contract so main and preload cannot disagree.
import type { MethodName } from '../../contract';

export const ipcChannelPrefix = 'holdfast:call:';
export const ipcEventChannel = 'holdfast:event';
/** Terminal output frames, main → renderer. */
export const ipcTerminalOutputChannel = 'holdfast:terminal-output';
/** Terminal stream messages (attach, detach, ack), renderer → main. */
export const ipcTerminalStreamChannel = 'holdfast:terminal-stream';

export function ipcChannelFor(method: MethodName): string {
  return ipcChannelPrefix + method;
}
