// How the renderer reaches the host. Two implementations (Electron IPC, WebSocket) behind one interface;
// nothing above this folder knows which shell it runs in.
import type { HostEvent, Outcome } from '../../../electron/contract';

export type HostLink = 'connecting' | 'connected' | 'disconnected';

export interface Transport {
  call(method: string, params: unknown): Promise<Outcome>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** The state of the link itself (a WebSocket can drop; IPC cannot). */
  onLinkChange(listener: (link: HostLink) => void): () => void;
}
