// Electron preload (sandboxed, context-isolated): exposes the contract's transport and nothing else.
// The renderer gets call() for contract methods, onEvent() for pushed events and the terminal stream;
// no ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, isMethodName, type HoldfastBridge, type HostEvent } from './contract';
import { ipcChannelFor, ipcEventChannel, ipcTerminalOutputChannel, ipcTerminalStreamChannel } from './shells/electron/ipcChannels';

const bridge: HoldfastBridge = {
  call(method, params) {
    if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method "${String(method)}".` } });
    return ipcRenderer.invoke(ipcChannelFor(method), params);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, message: HostEvent) => listener(message);
    ipcRenderer.on(ipcEventChannel, forward);
    return () => void ipcRenderer.off(ipcEventChannel, forward);
  },
  onTerminalOutput(listener) {
    const forward = (_event: IpcRendererEvent, frame: Uint8Array) => listener(frame);
    ipcRenderer.on(ipcTerminalOutputChannel, forward);
    return () => void ipcRenderer.off(ipcTerminalOutputChannel, forward);
  },
  sendTerminalStream(message) {
    ipcRenderer.send(ipcTerminalStreamChannel, message);
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
