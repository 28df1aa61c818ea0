// Transport over the Electron preload bridge (window.holdfastBridge).
import type { HoldfastBridge } from '../../../electron/contract';
import type { Transport } from './transport';

export function ipcTransport(bridge: HoldfastBridge): Transport {
  return {
    call: (method, params) => bridge.call(method, params),
    onEvent: (listener) => bridge.onEvent(listener),
    onLinkChange(listener) {
      listener('connected');
      return () => {};
    },
  };
}
