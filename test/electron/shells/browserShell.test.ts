// The browser shell end to end over real HTTP and WebSocket connections on 127.0.0.1.
import { connect as connectTcp, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../electron/contract';
import { startBrowserShell } from '../../../electron/shells/browser/server';
import { acceptsConnections, callOverHttp, rawRequest, type RawResponse } from '../../helpers/http';
import { appJs, indexHtml, openSocket, secretMarker, SocketRefused, startBrowserShellHarness, type BrowserShellHarness, type SocketClient } from '../../helpers/browserShellHarness';

let harness: BrowserShellHarness;
const sockets: SocketClient[] = [];

beforeEach(async () => {
  harness = await startBrowserShellHarness();
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((client) => client.close()));
  await harness.close();
});

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(harness.port, { path, headers });
const withCookie = () => ({ Cookie: `holdfast_token_${harness.port}=${harness.token}` });
const withBearer = () => ({ Authorization: `Bearer ${harness.token}` });
const freshLaunchCode = () => new URL(harness.shell.launchUrl()).searchParams.get('code')!;

/** Checks the response sets this launch's HttpOnly, SameSite=Strict session cookie; returns it as a Cookie header. */
function expectSessionCookie(response: RawResponse): string {
  const cookie = response.headers['set-cookie']?.[0] ?? '';
  expect(cookie).toMatch(new RegExp(`^holdfast_token_${harness.port}=${harness.token};`));
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  expect(cookie).toContain('Path=/');
  return cookie.split(';')[0]!;
}

async function connect(options: Parameters<typeof openSocket>[1]): Promise<SocketClient> {
  const client = await openSocket(harness.port, options);
  sockets.push(client);
  return client;
}

async function refusedStatus(options: Parameters<typeof openSocket>[1]): Promise<number> {
  const error = await openSocket(harness.port, options).then(
    (client) => (sockets.push(client), new Error('the upgrade was accepted')),
    (refusal: unknown) => refusal,
  );
  if (!(error instanceof SocketRefused)) throw error;
  return error.statusCode;
}

/**
 * A WebSocket upgrade over a bare TCP socket: resolves with the status line's code and the socket. The socket
 * speaks no WebSocket: it drops whatever arrives and never answers a close frame (a frozen tab, as far as the
 * server can tell).
 */
function rawUpgrade(path: string, headers: Record<string, string> = {}): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: '127.0.0.1', port: harness.port });
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${harness.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.once('connect', () => socket.write(lines.join('\r\n') + '\r\n\r\n'));
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (!statusLine) return;
      socket.off('data', onData);
      socket.on('data', () => {});
      resolve({ status: Number(statusLine[1]), socket });
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

describe('browser shell: who may connect', () => {
  it('listens on 127.0.0.1 and hands out a token URL', () => {
    expect(harness.shell.tokenUrl).toBe(`http://127.0.0.1:${harness.port}/?token=${harness.token}`);
    expect(harness.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('hands out launch URLs that carry a fresh code each time, never the token', () => {
    const first = new URL(harness.shell.launchUrl());
    const second = new URL(harness.shell.launchUrl());
    expect(first.origin).toBe(`http://127.0.0.1:${harness.port}`);
    expect([...first.searchParams.keys()]).toEqual(['code']);
    expect(first.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(second.searchParams.get('code')).not.toBe(first.searchParams.get('code'));
    expect(first.href).not.toContain(harness.token);
  });

  it('refuses connections on the machine\'s other (non-loopback) addresses', async (context) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    expect(await acceptsConnections('127.0.0.1', harness.port)).toBe(true);
    if (!external) {
      console.log('skipped the non-loopback check: this machine has no non-internal IPv4 address');
      return context.skip();
    }
    expect(await acceptsConnections(external.address, harness.port)).toBe(false);
  });

  it('answers 401 without a token, and with a wrong one', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=wrong-token')).status).toBe(401);
    expect((await get(`/?token=${harness.token}x`)).status).toBe(401);
    expect((await get('/', { Cookie: `holdfast_token_${harness.port}=nope` })).status).toBe(401);
    expect((await get('/', { Cookie: `holdfast_token_1=${harness.token}` })).status).toBe(401);
    expect((await get('/', { Authorization: 'Bearer nope' })).status).toBe(401);
    const unauthorised = await get('/');
    expect(unauthorised.body).not.toContain('Holdfast test console');
  });

  it('swaps ?token= for an HttpOnly SameSite=Strict cookie with a 303 to the same place without the token', async () => {
    const response = await get(`/incidents?view=open&token=${harness.token}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/incidents?view=open');
    expectSessionCookie(response);

    const root = await get(`/?token=${harness.token}`);
    expect(root.status).toBe(303);
    expect(root.headers.location).toBe('/');
  });

  it('swaps a launch code for the same cookie with a 303 to a clean address, once', async () => {
    const launchUrl = new URL(harness.shell.launchUrl());
    const exchange = await get(launchUrl.pathname + launchUrl.search);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    expect((await get('/', { Cookie: expectSessionCookie(exchange) })).body).toBe(indexHtml);

    const again = await get(launchUrl.pathname + launchUrl.search);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already been used, or has expired');
    expect(again.body).toContain('holdfast start');
    expect(again.body).toContain('holdfast serve');
    expect(again.body).not.toContain('Holdfast test console');
  });

  it('keeps the rest of the address when it swaps a launch code', async () => {
    const code = freshLaunchCode();
    const exchange = await get(`/incidents?view=open&code=${code}`);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/incidents?view=open');
  });

  it('answers 401 with the launch-link page to a code it never minted', async () => {
    const response = await get('/?code=made-up-code');
    expect(response.status).toBe(401);
    expect(response.body).toContain('holdfast start');
    expect(response.body).not.toContain('Holdfast test console');
  });

  it('accepts a launch code only on a page load: not for calls, HEAD, or the WebSocket, and does not spend it there', async () => {
    const code = freshLaunchCode();
    const call = await rawRequest(harness.port, { method: 'POST', path: `/api/call/settings.update?code=${code}`, headers: { 'Content-Type': 'application/json' }, body: '{"theme":"dark"}' });
    expect(call.status).toBe(401);
    expect((await rawRequest(harness.port, { method: 'HEAD', path: `/?code=${code}` })).status).toBe(401);
    const upgrade = await rawUpgrade(`/api/ws?code=${code}`);
    upgrade.socket.destroy();
    expect(upgrade.status).toBe(401);
    expect(await harness.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
    expect((await get(`/?code=${code}`)).status).toBe(303);
  });

  it('strips a launch code from the address of a page that already has the cookie, without spending it', async () => {
    const code = freshLaunchCode();
    const response = await get(`/?code=${code}`, withCookie());
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect((await get(`/?code=${code}`)).status).toBe(303);
  });

  it('serves index.html with the console\'s Content-Security-Policy to the cookie', async () => {
    const response = await get('/', withCookie());
    expect(response.status).toBe(200);
    expect(response.body).toBe(indexHtml);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves assets and client-side routes; assets are cacheable', async () => {
    const asset = await get('/assets/app.js', withCookie());
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(appJs);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');

    const route = await get('/incidents/42', withCookie());
    expect(route.status).toBe(200);
    expect(route.body).toBe(indexHtml);
    expect((await get('/assets/missing.js', withCookie())).status).toBe(404);
  });

  it('accepts the token as an Authorization: Bearer header', async () => {
    const response = await get('/', withBearer());
    expect(response.status).toBe(200);
    expect(response.body).toBe(indexHtml);
  });

  it('answers 403 to a foreign Host header even with a valid token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${harness.port}`, `127.0.0.1:${harness.port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${harness.port}`]) {
      const response = await get('/', { ...withBearer(), Host: host });
      expect(response.status, host).toBe(403);
      expect(response.body).not.toContain('Holdfast test console');
    }
    const call = await rawRequest(harness.port, { method: 'POST', path: '/api/call/settings.update', headers: { ...withBearer(), Host: `evil.example:${harness.port}`, 'Content-Type': 'application/json' }, body: '{"theme":"dark"}' });
    expect(call.status).toBe(403);
    expect(await harness.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it('answers 403, not an internal error, to a Host header that is not a host at all', async () => {
    const response = await get('/', { ...withBearer(), Host: 'evil example' });
    expect(response.status).toBe(403);
  });

  it('accepts localhost:PORT as the Host', async () => {
    expect((await get('/', { ...withBearer(), Host: `localhost:${harness.port}` })).status).toBe(200);
  });

  it('answers 403 to a foreign Origin even with a valid token, and accepts its own origin', async () => {
    expect((await get('/', { ...withCookie(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { ...withCookie(), Origin: `http://localhost:${harness.port + 1}` })).status).toBe(403);
    expect((await get('/', { ...withCookie(), Origin: 'null' })).status).toBe(403);
    const post = await rawRequest(harness.port, { method: 'POST', path: '/api/call/settings.update', headers: { ...withCookie(), Origin: 'http://evil.example', 'Content-Type': 'application/json' }, body: '{"theme":"dark"}' });
    expect(post.status).toBe(403);
    expect((await get('/', { ...withCookie(), Origin: `http://127.0.0.1:${harness.port}` })).status).toBe(200);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/%00secret.txt',
  ])('never serves a file outside the renderer folder for %s', async (path) => {
    const response = await get(path, withCookie());
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(secretMarker);
  });
});

describe('browser shell: HTTP calls', () => {
  const post = (method: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    rawRequest(harness.port, { method: 'POST', path: `/api/call/${method}`, headers: { ...withBearer(), ...headers }, body });

  it('answers a call with the outcome', async () => {
    const { status, body } = await callOverHttp(harness.port, harness.token, 'app.describe', {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, result: { productName: 'Holdfast', shell: 'browser', dataDir: harness.dataDir } });
  });

  it('needs the token for calls too', async () => {
    const response = await rawRequest(harness.port, { method: 'POST', path: '/api/call/settings.update', headers: { 'Content-Type': 'application/json' }, body: '{"theme":"dark"}' });
    expect(response.status).toBe(401);
    expect(await harness.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it('answers bad params with 400 and the typed error', async () => {
    const { status, body } = await callOverHttp(harness.port, harness.token, 'settings.update', { theme: 'purple' });
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error: { code: 'invalid_params', message: expect.stringContaining('params.theme'), issues: [{ path: 'params.theme', message: expect.any(String) }] } });
  });

  it('answers an unknown method with 404 unknown_method', async () => {
    const { status, body } = await callOverHttp(harness.port, harness.token, 'incident.delete_everything', {});
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await post('settings.update', '{"theme":"dark"}', { 'Content-Type': contentType });
      expect(response.status, contentType).toBe(415);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await harness.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it('answers a body that is not JSON with 400 invalid_request', async () => {
    const response = await post('settings.update', '{"theme":');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('answers an oversized body with 413 and a JSON error naming the limit, then closes the connection', async () => {
    const small = await startBrowserShell({ host: harness.host, rendererDir: harness.rendererDir, token: harness.token, maxRequestBytes: 64 * 1024 });
    try {
      // Declared with Content-Length (refused unread), and chunked (noticed only as it arrives).
      for (const headers of [{}, { 'Transfer-Encoding': 'chunked' }] as Record<string, string>[]) {
        const response = await rawRequest(small.port, {
          method: 'POST',
          path: '/api/call/settings.update',
          headers: { ...withBearer(), 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ responderName: 'x'.repeat(4 * 1024 * 1024) }),
        });
        expect(response.status, JSON.stringify(headers)).toBe(413);
        expect(response.headers.connection).toBe('close');
        expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('64 KiB (65536 bytes)') } });
      }
      expect(await harness.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
    } finally {
      await small.close();
    }
  });

  it('answers GET on a call with 405', async () => {
    const response = await rawRequest(harness.port, { path: '/api/call/app.describe', headers: withBearer() });
    expect(response.status).toBe(405);
  });

  it('answers a malformed percent-encoded method name with a typed client error, not an internal one', async () => {
    const response = await post('settings.get%', '{}');
    expect(response.status).toBeLessThan(500);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid_request|unknown_method)$/) } });
  });
});

describe('browser shell: WebSocket', () => {
  it('refuses an upgrade without a token, or with a wrong one, with 401', async () => {
    expect(await refusedStatus({})).toBe(401);
    expect(await refusedStatus({ token: 'wrong' })).toBe(401);
  });

  it('refuses an upgrade from a foreign Origin or Host with 403, even with the token', async () => {
    expect(await refusedStatus({ token: harness.token, origin: 'http://evil.example' })).toBe(403);
    expect(await refusedStatus({ token: harness.token, headers: { Host: `evil.example:${harness.port}` } })).toBe(403);
  });

  it('accepts the token as query, cookie or Bearer header, and its own origin', async () => {
    await connect({ token: harness.token, origin: `http://127.0.0.1:${harness.port}` });
    await connect({ headers: withCookie() });
    await connect({ headers: withBearer() });
  });

  it('answers a request with a response carrying its id', async () => {
    const client = await connect({ token: harness.token });
    client.socket.send(JSON.stringify({ id: 7, method: 'app.describe', params: {} }));
    const response = await client.next((message) => message.kind === 'response');
    expect(response).toMatchObject({ kind: 'response', id: 7, ok: true, result: { productName: 'Holdfast', shell: 'browser' } });
  });

  it('answers bad params with invalid_params, and the socket stays usable', async () => {
    const client = await connect({ token: harness.token });
    client.socket.send(JSON.stringify({ id: 1, method: 'settings.update', params: { theme: 'purple' } }));
    expect(await client.next((message) => message.kind === 'response' && message.id === 1)).toMatchObject({ ok: false, error: { code: 'invalid_params', issues: [{ path: 'params.theme' }] } });

    client.socket.send(JSON.stringify({ id: 2, method: 'settings.update', params: { theme: 'dark' } }));
    expect(await client.next((message) => message.kind === 'response' && message.id === 2)).toMatchObject({ ok: true, result: { theme: 'dark' } });
  });

  it('answers a frame that is not JSON with invalid_request and id null, and carries on', async () => {
    const client = await connect({ token: harness.token });
    client.socket.send('this is not json {');
    expect(await client.next((message) => message.kind === 'response')).toMatchObject({ kind: 'response', id: null, ok: false, error: { code: 'invalid_request' } });

    client.socket.send(JSON.stringify({ id: 3, method: 'settings.get', params: {} }));
    expect(await client.next((message) => message.kind === 'response' && message.id === 3)).toMatchObject({ ok: true, result: defaultSettings });
  });

  it('answers a malformed envelope with invalid_request, keeping a numeric id', async () => {
    const client = await connect({ token: harness.token });
    client.socket.send(JSON.stringify({ id: 9, params: {} }));
    expect(await client.next((message) => message.kind === 'response' && message.id === 9)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    client.socket.send('null');
    expect(await client.next((message) => message.kind === 'response' && message.id === null)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    client.socket.send(Buffer.from('{"id":1,"method":"app.describe","params":{}}'), { binary: true });
    await expect.poll(() => client.messages.filter((message) => message.kind === 'response' && message.id === null).length).toBe(2);
  });

  it('answers an unknown method with unknown_method', async () => {
    const client = await connect({ token: harness.token });
    client.socket.send(JSON.stringify({ id: 4, method: 'nope', params: {} }));
    expect(await client.next((message) => message.kind === 'response' && message.id === 4)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('pushes settings.changed to every socket after a settings.update over HTTP', async () => {
    const first = await connect({ token: harness.token });
    const second = await connect({ headers: withBearer() });
    const { status } = await callOverHttp(harness.port, harness.token, 'settings.update', { responderName: 'Ada' });
    expect(status).toBe(200);
    const expected = { kind: 'event', event: 'settings.changed', payload: { ...defaultSettings, responderName: 'Ada' } };
    expect(await first.next((message) => message.kind === 'event' && message.event === 'settings.changed')).toEqual(expected);
    expect(await second.next((message) => message.kind === 'event' && message.event === 'settings.changed')).toEqual(expected);
  });

  it('closes even when a client never answers the WebSocket close, cutting that client off', async () => {
    const silent = await rawUpgrade('/api/ws', withBearer());
    expect(silent.status).toBe(101);
    const cutOff = new Promise<void>((resolve) => silent.socket.once('close', () => resolve()));
    // ws alone would wait 30 s for this client's close handshake; the test's own timeout is the bound here.
    await harness.shell.close();
    await cutOff;
    expect(await acceptsConnections('127.0.0.1', harness.port)).toBe(false);
  }, 10_000);

  it('closes open sockets with 1001 when the shell closes', async () => {
    const client = await connect({ token: harness.token });
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    await harness.shell.close();
    expect(await closed).toBe(1001);
    expect(await acceptsConnections('127.0.0.1', harness.port)).toBe(false);
  });
});
