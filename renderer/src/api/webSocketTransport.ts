// Transport over the browser shell's WebSocket (/api/ws on the page's own origin; the launch cookie
// authenticates it). Reconnects with back-off, and fails pending calls at once when the link drops.
import type { HostEvent, Outcome, ServerMessage } from '../../../electron/contract';
import type { HostLink, Transport } from './transport';

const retryDelaysMs = [250, 500, 1000, 2000, 5000];

export function webSocketTransport(url = defaultSocketUrl()): Transport {
  const pending = new Map<number, (outcome: Outcome) => void>();
  const eventListeners = new Set<(event: HostEvent) => void>();
  const linkListeners = new Set<(link: HostLink) => void>();
  const queued: string[] = [];
  let socket: WebSocket | undefined;
  let link: HostLink = 'connecting';
  let nextId = 1;
  let attempt = 0;

  const setLink = (next: HostLink) => {
    if (next === link) return;
    link = next;
    linkListeners.forEach((listener) => listener(next));
  };

  const connect = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      setLink('connected');
      for (const frame of queued.splice(0)) socket?.send(frame);
    };
    socket.onmessage = (message) => {
      const parsed = JSON.parse(String(message.data)) as ServerMessage;
      if (parsed.kind === 'event') {
        const { kind: _kind, ...event } = parsed;
        eventListeners.forEach((listener) => listener(event as HostEvent));
      } else if (parsed.id !== null) {
        pending.get(parsed.id)?.(parsed);
        pending.delete(parsed.id);
      }
    };
    socket.onclose = () => {
      setLink('disconnected');
      for (const [id, settle] of pending) {
        settle({ ok: false, error: { code: 'unavailable', message: 'Lost the connection to the Holdfast host.' } });
        pending.delete(id);
      }
      const delay = retryDelaysMs[Math.min(attempt++, retryDelaysMs.length - 1)];
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    call(method, params) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, params });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else if (link === 'connecting') queued.push(frame);
        else {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'unavailable', message: 'Not connected to the Holdfast host; retrying.' } });
        }
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onLinkChange(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => linkListeners.delete(listener);
    },
  };
}

function defaultSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
}
