// Fans host events out to every connected renderer (WebSocket clients, Electron windows, tests).
import type { EventName, HostEvent, PayloadOf } from '../contract';
import type { HostLog } from './hostLog';

export type HostEventListener = (event: HostEvent) => void;

export class EventHub {
  private readonly listeners = new Set<HostEventListener>();

  /** `log` is the host's log (logs/host.log): where a listener that throws is reported. */
  constructor(private readonly log: Pick<HostLog, 'error'>) {}

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    const message = { event, payload } as HostEvent;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        // One broken subscriber (a closed socket, a destroyed window) must not starve the others, but the
        // failure is logged: the host's own followers (settings → runbook library) subscribe here too.
        this.log.error(`A listener of ${event} threw; the other listeners still got the event`, error);
      }
    }
  }
}
