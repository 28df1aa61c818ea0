// Fans host events out to every connected renderer (WebSocket clients, Electron windows, tests).
import type { EventName, HostEvent, PayloadOf } from '../contract';

export type HostEventListener = (event: HostEvent) => void;

export class EventHub {
  private readonly listeners = new Set<HostEventListener>();

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    const message = { event, payload } as HostEvent;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken subscriber (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }
}
