// Stopping the browser shell without waiting on its clients. Each WebSocket gets a polite close (1001) and
// HTTP requests in flight a moment to finish; after a short grace period whatever is left is cut. ws would
// otherwise wait up to 30 s for each close handshake, and a frozen tab or a laptop that slept never answers
// one: Ctrl+C must not hang on it.
import type { Server } from 'node:http';
import type { WebSocketServer } from 'ws';

export const shutdownGraceMs = 1000;

export async function closeBrowserShellServer(server: Server, sockets: WebSocketServer, graceMs = shutdownGraceMs): Promise<void> {
  // Stop taking new connections first, so nothing new arrives while the old ones wind down.
  const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  const socketsClosed = new Promise<void>((resolve) => sockets.close(() => resolve()));
  for (const client of sockets.clients) client.close(1001, 'Holdfast is shutting down');
  server.closeIdleConnections();

  const cutOff = setTimeout(() => {
    for (const client of sockets.clients) client.terminate();
    server.closeAllConnections();
  }, graceMs);
  try {
    await Promise.all([socketsClosed, httpClosed]);
  } finally {
    clearTimeout(cutOff);
  }
}
