// Transport over the browser shell's WebSocket (/api/ws on the page's own origin; the launch cookie
// authenticates it). Reconnects with back-off, and fails pending calls at once when the link drops.
// Calls, responses and events travel as JSON text frames; terminal output arrives as binary frames, and
// terminal stream messages go out as {"kind":"stream","message":…} text frames.
import { decodeOutputFrame, type HostEvent, type Outcome, type ServerMessage, type TerminalStreamMessage } from '../../../electron/contract';
import type { HostLink, Transport } from './transport';

const retryDelaysMs = [250, 500, 1000, 2000, 5000];

export function webSocketTransport(url = defaultSocketUrl()): Transport {
  const pending = new Map<number, (outcome: Outcome) => void>();
  const eventListeners = new Set<(event: HostEvent) => void>();
  const linkListeners = new Set<(link: HostLink) => void>();
  const outputListeners = new Set<(terminalId: string, data: Uint8Array) => void>();
  /** Terminals this page follows; attached again on every (re)connection. */
  const attached = new Set<string>();
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

  const sendStream = (message: TerminalStreamMessage) => socket?.send(JSON.stringify({ kind: 'stream', message }));

  const receiveOutput = (frame: ArrayBuffer) => {
    const output = decodeOutputFrame(new Uint8Array(frame));
    if (output) outputListeners.forEach((listener) => listener(output.terminalId, output.data));
  };

  const connect = () => {
    socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      attempt = 0;
      // Link listeners first: a terminal clears its screen before the host replays it.
      setLink('connected');
      for (const terminalId of attached) sendStream({ type: 'attach', terminalId });
      for (const frame of queued.splice(0)) socket?.send(frame);
    };
    socket.onmessage = (message) => {
      if (message.data instanceof ArrayBuffer) return receiveOutput(message.data);
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
    onTerminalOutput(listener) {
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
    sendTerminalStream(message) {
      if (message.type === 'attach') attached.add(message.terminalId);
      if (message.type === 'detach') attached.delete(message.terminalId);
      // While the link is down only the attachments matter (re-sent on open); the host forgets acks anyway.
      if (socket?.readyState === WebSocket.OPEN) sendStream(message);
    },
  };
}

function defaultSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
}
