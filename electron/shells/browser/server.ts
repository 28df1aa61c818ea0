// The browser shell: serves the built console and the contract to a browser on this machine only.
// HTTP for the page, its assets and one-shot calls (POST /api/call/<method>); a WebSocket (/api/ws) for
// calls and pushed events. Every request needs the per-launch token (see accessGuard.ts).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ErrorCode } from '../../contract';
import type { Host } from '../../host/host';
import { resolveRendererFile } from '../common/rendererFiles';
import { securityHeaders } from '../common/contentSecurityPolicy';
import { AccessGuard, newLaunchToken } from './accessGuard';
import { attachSocketSession } from './socketSession';

export const loopbackAddress = '127.0.0.1';
// Large enough for one attachment sent from the console (64 MiB as base64, plus the envelope).
const maxRequestBytes = 96 * 1024 * 1024;

export interface BrowserShellOptions {
  host: Host;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface BrowserShell {
  readonly port: number;
  readonly token: string;
  /** The URL to open: it carries the token once; the page swaps it for a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

const statusForError: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_params: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  unavailable: 503,
  internal: 500,
};

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? newLaunchToken();
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackAddress, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const guard = new AccessGuard(token, port);

  server.on('request', (request, response) => {
    handleRequest(request, response, guard, options).catch((error) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `http://${loopbackAddress}:${port}`);
    const refusal = url.pathname !== '/api/ws' ? '404 Not Found'
      : !guard.hostIsAllowed(request) || !guard.originIsAllowed(request) ? '403 Forbidden'
      : guard.tokenSource(request, url) === undefined ? '401 Unauthorized'
      : undefined;
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => attachSocketSession(webSocket, options.host));
  });

  return {
    port,
    token,
    url: `http://${loopbackAddress}:${port}/?token=${token}`,
    close: () => closeServer(server, sockets),
  };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, guard: AccessGuard, options: BrowserShellOptions): Promise<void> {
  if (!guard.hostIsAllowed(request)) return sendText(response, 403, 'Holdfast answers only to 127.0.0.1 and localhost.');
  const url = new URL(request.url ?? '/', `http://${loopbackAddress}`);
  if (!guard.originIsAllowed(request)) return sendText(response, 403, 'Cross-origin requests are not allowed.');
  const tokenSource = guard.tokenSource(request, url);
  if (!tokenSource) {
    return sendText(response, 401, 'This console needs its launch token. Open the link that `holdfast serve` printed (it ends in ?token=...).');
  }

  if (url.pathname.startsWith('/api/call/')) return handleCall(request, response, url.pathname.slice('/api/call/'.length), options.host);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, `${request.method} is not allowed here.`);

  if (tokenSource === 'query') {
    // Swap the token in the address bar for a cookie, so it stays out of history, bookmarks and screenshots.
    url.searchParams.delete('token');
    response.writeHead(303, { Location: url.pathname + url.search, 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store' });
    return void response.end();
  }
  serveRendererFile(request, response, options.rendererDir, url.pathname);
}

async function handleCall(request: IncomingMessage, response: ServerResponse, method: string, host: Host): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'invalid_request', message: 'Use POST with a JSON body.' } });
  // Requiring JSON keeps simple cross-site form posts out, on top of the token and Origin checks.
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return sendJson(response, 415, { ok: false, error: { code: 'invalid_request', message: 'Content-Type must be application/json.' } });
  }
  const body = await readBody(request, maxRequestBytes);
  if (body === undefined) return sendJson(response, 413, { ok: false, error: { code: 'invalid_request', message: `Request body is over ${maxRequestBytes} bytes.` } });
  let params: unknown;
  try {
    params = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(response, 400, { ok: false, error: { code: 'invalid_request', message: 'Request body is not valid JSON.' } });
  }
  let methodName: string;
  try {
    methodName = decodeURIComponent(method);
  } catch {
    return sendJson(response, 400, { ok: false, error: { code: 'invalid_request', message: 'The method name in the URL is not validly encoded.' } });
  }
  const outcome = await host.call(methodName, params);
  sendJson(response, outcome.ok ? 200 : statusForError[outcome.error.code], outcome);
}

function serveRendererFile(request: IncomingMessage, response: ServerResponse, rendererDir: string, pathname: string): void {
  const file = resolveRendererFile(rendererDir, pathname);
  if (!file) return sendText(response, 404, `Not found: ${pathname}`);
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': file.mediaType,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file.path).on('error', () => response.destroy()).pipe(response);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text + '\n');
}

async function closeServer(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.close(1001, 'Holdfast is shutting down');
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Give clients a moment to receive the close frame, then cut whatever is left.
  setTimeout(() => server.closeAllConnections(), 250).unref();
  await closed;
}
