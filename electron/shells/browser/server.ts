// The browser shell: serves the built console and the contract to a browser on this machine only.
// HTTP for the page, its assets and one-shot calls (POST /api/call/<method>); a WebSocket (/api/ws) for
// calls and pushed events. Every request needs the per-launch token, or for a first page load a launch code
// (see accessGuard.ts).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ErrorCode } from '../../contract';
import type { Host } from '../../host/host';
import { resolveRendererFile } from '../common/rendererFiles';
import { securityHeaders } from '../common/contentSecurityPolicy';
import { AccessGuard, newLaunchToken } from './accessGuard';
import { launchCodeLifetimeMs } from './launchCodes';
import { describeByteCount, readRequestBody } from './requestBody';
import { closeBrowserShellServer } from './shutdown';
import { attachSocketSession } from './socketSession';

export const loopbackAddress = '127.0.0.1';
// Large enough for one attachment sent from the console (64 MiB as base64, plus the envelope).
const defaultMaxRequestBytes = 96 * 1024 * 1024;

export interface BrowserShellOptions {
  host: Host;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** The largest HTTP request body or WebSocket message accepted. */
  maxRequestBytes?: number;
}

export interface BrowserShell {
  readonly port: number;
  readonly token: string;
  /**
   * The link for the user's own eyes (`holdfast serve` prints it): it carries the launch token, which the page
   * swaps for a cookie. Never put it on another process's command line; use launchUrl() there.
   */
  readonly tokenUrl: string;
  /** A link to hand to another process (a browser): it opens the console once, within a minute, then is spent. */
  launchUrl(): string;
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
  const maxRequestBytes = options.maxRequestBytes ?? defaultMaxRequestBytes;
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackAddress, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const guard = new AccessGuard(token, port);

  server.on('request', (request, response) => {
    handleRequest(request, response, guard, { host: options.host, rendererDir: options.rendererDir, maxRequestBytes }).catch((error) => {
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

  const origin = `http://${loopbackAddress}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    port,
    token,
    tokenUrl: `${origin}/?token=${token}`,
    launchUrl: () => `${origin}/?code=${guard.mintLaunchCode()}`,
    close: () => (closing ??= closeBrowserShellServer(server, sockets)),
  };
}

/** What answering a request needs besides the access guard. */
interface RequestServing {
  host: Host;
  rendererDir: string;
  maxRequestBytes: number;
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, guard: AccessGuard, serving: RequestServing): Promise<void> {
  if (!guard.hostIsAllowed(request)) return sendText(response, 403, 'Holdfast answers only to 127.0.0.1 and localhost.');
  const url = new URL(request.url ?? '/', `http://${loopbackAddress}`);
  if (!guard.originIsAllowed(request)) return sendText(response, 403, 'Cross-origin requests are not allowed.');
  const isCall = url.pathname.startsWith('/api/call/');
  const tokenSource = guard.tokenSource(request, url);
  if (!tokenSource) {
    const launchCode = url.searchParams.get('code');
    // Only a page load may spend a launch code: that is all the window it was made for does with it.
    if (launchCode !== null && !isCall && request.method === 'GET') return exchangeLaunchCode(response, url, guard, launchCode);
    return sendText(response, 401, 'This console needs its launch token. Open the link that `holdfast serve` printed (it ends in ?token=...).');
  }

  if (isCall) return handleCall(request, response, url.pathname.slice('/api/call/'.length), serving);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, `${request.method} is not allowed here.`);
  if (tokenSource === 'query' || url.searchParams.has('code')) return redirectToCleanAddress(response, url, guard);
  serveRendererFile(request, response, serving.rendererDir, url.pathname);
}

function exchangeLaunchCode(response: ServerResponse, url: URL, guard: AccessGuard, launchCode: string): void {
  if (guard.redeemLaunchCode(launchCode)) return redirectToCleanAddress(response, url, guard);
  sendText(
    response,
    401,
    `This launch link has already been used, or has expired: each one opens the console once, within ${launchCodeLifetimeMs / 1000} seconds.\n` +
      'Run `holdfast start` again, or open the link that `holdfast serve` printed in its terminal (it ends in ?token=...).',
  );
}

/** Swaps the credential in the address bar for the session cookie, so it stays out of history, bookmarks and screenshots. */
function redirectToCleanAddress(response: ServerResponse, url: URL, guard: AccessGuard): void {
  url.searchParams.delete('token');
  url.searchParams.delete('code');
  response.writeHead(303, { Location: url.pathname + url.search, 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store' });
  response.end();
}

async function handleCall(request: IncomingMessage, response: ServerResponse, method: string, { host, maxRequestBytes }: RequestServing): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'invalid_request', message: 'Use POST with a JSON body.' } });
  // Requiring JSON keeps simple cross-site form posts out, on top of the token and Origin checks.
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return sendJson(response, 415, { ok: false, error: { code: 'invalid_request', message: 'Content-Type must be application/json.' } });
  }
  const body = await readRequestBody(request, maxRequestBytes);
  if (body.kind === 'tooLarge') {
    const message = `The request body is larger than the limit of ${describeByteCount(maxRequestBytes)} (${maxRequestBytes} bytes).`;
    // Closed after the answer: had the client kept sending past the drain allowance, whatever it sends next on
    // this connection would be the tail of that body, not a request.
    return sendJson(response, 413, { ok: false, error: { code: 'invalid_request', message } }, { Connection: 'close' });
  }
  let params: unknown;
  try {
    params = body.text.length === 0 ? {} : JSON.parse(body.text);
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

function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text + '\n');
}
