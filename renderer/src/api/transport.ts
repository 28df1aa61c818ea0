// How the renderer reaches the host. Two implementations (Electron IPC, WebSocket) behind one interface;
// nothing above this folder knows which shell it runs in.
import type { HostEvent, Outcome, TerminalStreamMessage } from '../../../electron/contract';

export type HostLink = 'connecting' | 'connected' | 'disconnected';

export interface Transport {
  call(method: string, params: unknown): Promise<Outcome>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** The state of the link itself (a WebSocket can drop; IPC cannot). */
  onLinkChange(listener: (link: HostLink) => void): () => void;
  /** Terminal output, already taken out of its binary frame. */
  onTerminalOutput(listener: (terminalId: string, data: Uint8Array) => void): () => void;
  /**
   * Attach, detach and ack messages of the terminal stream. A transport that reconnects attaches again
   * every terminal that was attached, after telling its link listeners (the host then replays recent output).
   */
  sendTerminalStream(message: TerminalStreamMessage): void;
}
