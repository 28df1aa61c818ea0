// Electron preload (sandboxed, context-isolated): exposes the contract's transport and nothing else.
// The renderer gets call() for contract methods and onEvent() for pushed events; no ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, isMethodName, type HoldfastBridge, type HostEvent } from './contract';
import { ipcChannelFor, ipcEventChannel } from './shells/electron/ipcChannels';

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
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
