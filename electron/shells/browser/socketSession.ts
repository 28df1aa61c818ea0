// One renderer connected over WebSocket: requests in, responses and pushed events out, terminal output as
// binary frames, terminal stream messages ({"kind":"stream","message":…}) in.
// Malformed frames get a typed error back; the connection and the host carry on.
import type { WebSocket } from 'ws';
import { requestEnvelopeSchema, type ServerMessage } from '../../contract';
import type { Host } from '../../host/host';
import { describeIssues } from '../../host/dispatcher';

export function attachSocketSession(socket: WebSocket, host: Host): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const unsubscribe = host.events.subscribe((event) => send({ kind: 'event', ...event }));
  const terminalStream = host.connectTerminalStream((frame) => {
    if (socket.readyState === socket.OPEN) socket.send(frame, { binary: true });
  });

  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    // A laptop that slept or a killed tab leaves a half-open socket; drop it so it stops receiving events.
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, 30_000);
  heartbeat.unref();

  socket.on('message', async (data, isBinary) => {
    if (isBinary) {
      return send({ kind: 'response', id: null, ok: false, error: { code: 'invalid_request', message: 'Requests must be JSON text frames.' } });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return send({ kind: 'response', id: null, ok: false, error: { code: 'invalid_request', message: 'Request is not valid JSON.' } });
    }
    if (isStreamFrame(raw)) {
      const problem = terminalStream.receive(raw.message);
      if (problem) send({ kind: 'response', id: null, ok: false, error: { code: 'invalid_request', message: problem } });
      return;
    }
    const envelope = requestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
      const issues = describeIssues(envelope.error, 'request');
      return send({ kind: 'response', id, ok: false, error: { code: 'invalid_request', message: `Malformed request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues } });
    }
    const outcome = await host.call(envelope.data.method, envelope.data.params);
    send({ kind: 'response', id: envelope.data.id, ...outcome });
  });

  socket.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    terminalStream.close();
  });
  socket.on('error', () => socket.terminate());
}

function isStreamFrame(raw: unknown): raw is { kind: 'stream'; message: unknown } {
  return typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'stream';
}
