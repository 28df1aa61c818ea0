// What the Electron preload exposes on window.holdfastBridge: the contract's transport, nothing else.
import type { Outcome } from './envelope';
import type { HostEvent } from './events';
import type { TerminalStreamMessage } from './terminals';

export const bridgeGlobalName = 'holdfastBridge';

export interface HoldfastBridge {
  call(method: string, params: unknown): Promise<Outcome>;
  /** Returns a function that stops the subscription. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Terminal output frames (see terminals.ts for the frame layout). */
  onTerminalOutput(listener: (frame: Uint8Array) => void): () => void;
  sendTerminalStream(message: TerminalStreamMessage): void;
}
