// A real browser shell (HTTP + WebSocket on 127.0.0.1) in front of a real host, serving a small renderer
// folder made for the test, plus a WebSocket client that collects what the server sends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerMessage } from '../../electron/contract';
import { startBrowserShell, type BrowserShell } from '../../electron/shells/browser/server';
import { makeTempDataDir } from './tempDataDir';
import { startTestHost, type TestHost } from './testHost';
import { makeTestShellHome } from './testShellHome';

export const indexHtml = '<!doctype html><html><head><title>Holdfast test console</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>\n';
export const appJs = 'console.log("holdfast test renderer");\n';
/** Sits beside the renderer folder: path traversal must never reach it. */
export const secretMarker = 'TOP-SECRET-NOT-FOR-THE-BROWSER';

export interface BrowserShellHarness extends TestHost {
  shell: BrowserShell;
  port: number;
  token: string;
  rendererDir: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startBrowserShellHarness(): Promise<BrowserShellHarness> {
  const root = makeTempDataDir('holdfast-shell-');
  const rendererDir = join(root.path, 'renderer');
  const dataDir = join(root.path, 'data');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(dataDir);
  writeFileSync(join(rendererDir, 'index.html'), indexHtml);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), appJs);
  writeFileSync(join(root.path, 'package.json'), JSON.stringify({ secret: secretMarker }));
  writeFileSync(join(root.path, 'secret.txt'), secretMarker);

  const testHost = startTestHost(dataDir, { terminalEnv: makeTestShellHome(root.path, 'shell$ ').env });
  const shell = await startBrowserShell({ host: testHost.host, rendererDir });
  return {
    ...testHost,
    shell,
    port: shell.port,
    token: shell.token,
    rendererDir,
    dataDir,
    async close() {
      await shell.close();
      await testHost.host.dispose();
      root.remove();
    },
  };
}

export interface SocketClient {
  socket: WebSocket;
  messages: ServerMessage[];
  /** Binary frames (terminal output), as received. */
  binaryFrames: Uint8Array[];
  /** Resolves with the first message (already received or still to come) that matches. */
  next(predicate: (message: ServerMessage) => boolean): Promise<ServerMessage>;
  close(): Promise<void>;
}

/** Opens a WebSocket to the shell; resolves once it is open, rejects with the HTTP status if refused. */
export function openSocket(port: number, options: { token?: string; origin?: string; headers?: Record<string, string> } = {}): Promise<SocketClient> {
  const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws${query}`, { origin: options.origin, headers: options.headers, handshakeTimeout: 10_000 });
  const messages: ServerMessage[] = [];
  const binaryFrames: Uint8Array[] = [];
  const waiters: { predicate: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void }[] = [];
  socket.on('message', (data, isBinary) => {
    if (isBinary) return void binaryFrames.push(new Uint8Array(data as Buffer));
    const message = JSON.parse(data.toString()) as ServerMessage;
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const client: SocketClient = {
    socket,
    messages,
    binaryFrames,
    next: (predicate) => {
      const seen = messages.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        socket.once('close', () => reject(new Error('socket closed before the expected message arrived')));
      });
    },
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_request, response) => {
      reject(new SocketRefused(response.statusCode ?? 0));
      socket.terminate();
    });
    socket.on('error', reject);
  });
}

export class SocketRefused extends Error {
  constructor(readonly statusCode: number) {
    super(`WebSocket upgrade refused with HTTP ${statusCode}`);
  }
}
