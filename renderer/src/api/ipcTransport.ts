// Transport over the Electron preload bridge (window.holdfastBridge).
import { decodeOutputFrame, type HoldfastBridge } from '../../../electron/contract';
import type { Transport } from './transport';

export function ipcTransport(bridge: HoldfastBridge): Transport {
  return {
    call: (method, params) => bridge.call(method, params),
    onEvent: (listener) => bridge.onEvent(listener),
    onLinkChange(listener) {
      listener('connected');
      return () => {};
    },
    onTerminalOutput: (listener) =>
      bridge.onTerminalOutput((frame) => {
        const output = decodeOutputFrame(frame);
        if (output) listener(output.terminalId, output.data);
      }),
    sendTerminalStream: (message) => bridge.sendTerminalStream(message),
  };
}
