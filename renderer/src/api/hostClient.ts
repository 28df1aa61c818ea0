// The typed face of the contract for the UI: call('settings.update', {...}) checks method names, params
// and results at compile time, and throws a HoldfastError (code + message + field issues) on failure.
import { bridgeGlobalName, HoldfastError, type EventName, type HoldfastBridge, type MethodName, type ParamsOf, type PayloadOf, type ResultOf, type TerminalStreamMessage } from '../../../electron/contract';
import { ipcTransport } from './ipcTransport';
import type { HostLink, Transport } from './transport';
import { webSocketTransport } from './webSocketTransport';

export interface HostClient {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  onLinkChange(listener: (link: HostLink) => void): () => void;
  /** Output of every attached terminal (see terminalStream for attaching). */
  onTerminalOutput(listener: (terminalId: string, data: Uint8Array) => void): () => void;
  /** Attach to a terminal's output, detach from it, or acknowledge bytes the screen has parsed. */
  terminalStream(message: TerminalStreamMessage): void;
}

export function createHostClient(transport: Transport): HostClient {
  return {
    async call(method, params) {
      const outcome = await transport.call(method, params);
      if (!outcome.ok) throw HoldfastError.fromContract(outcome.error);
      return outcome.result as ResultOf<typeof method>;
    },
    on(event, listener) {
      return transport.onEvent((message) => {
        if (message.event === event) listener(message.payload as PayloadOf<typeof event>);
      });
    },
    onLinkChange: (listener) => transport.onLinkChange(listener),
    onTerminalOutput: (listener) => transport.onTerminalOutput(listener),
    terminalStream: (message) => transport.sendTerminalStream(message),
  };
}

/** The one place that looks at how the page was loaded: a preload bridge means IPC, else the WebSocket. */
function chooseTransport(): Transport {
  const bridge = (globalThis as Record<string, unknown>)[bridgeGlobalName] as HoldfastBridge | undefined;
  return bridge ? ipcTransport(bridge) : webSocketTransport();
}

export const hostClient = createHostClient(chooseTransport());
