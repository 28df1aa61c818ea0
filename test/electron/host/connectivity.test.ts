// The connectivity monitor with its real hub probe (fetch) against a real HTTP server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connectivity } from '../../../electron/contract';
import { ConnectivityMonitor } from '../../../electron/host/connectivity/connectivityMonitor';
import { probeHub, probeInterfaces } from '../../../electron/host/connectivity/probes';

interface Hub {
  url: string;
  port: number;
  requests: number;
  close(): Promise<void>;
}

const openServers: Server[] = [];
const monitors: ConnectivityMonitor[] = [];

/** A stand-in team hub: answers every request with `status`, or never answers when `status` is 'hang'. */
async function startHub(status: number | 'hang' = 204, port = 0): Promise<Hub> {
  const server = createServer((request, response) => {
    hub.requests++;
    if (status === 'hang') return;
    // No keep-alive: a probe after close() then meets a refused connection, not a pooled socket going away.
    response.writeHead(status, { Connection: 'close' }).end();
  });
  openServers.push(server);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as { port: number }).port;
  const hub: Hub = {
    url: `http://127.0.0.1:${actualPort}/status`,
    port: actualPort,
    requests: 0,
    close: () => closeServer(server),
  };
  return hub;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function monitorOf(hubUrl: string, timeoutMs = 2000) {
  const changes: Connectivity[] = [];
  // A long interval: the tests drive every probe through recheck().
  const monitor = new ConnectivityMonitor({ hubUrl: () => hubUrl, onChange: (state) => changes.push(state), intervalMs: 3_600_000, timeoutMs });
  monitors.push(monitor);
  return { monitor, changes };
}

afterEach(async () => {
  for (const monitor of monitors.splice(0)) monitor.stop();
  await Promise.all(openServers.splice(0).map((server) => (server.listening ? closeServer(server) : undefined)));
});

describe('ConnectivityMonitor with the real hub probe', () => {
  it('starts unknown, is online while the hub answers, and offline with a reason once it is gone', async () => {
    const hub = await startHub(204);
    const { monitor } = monitorOf(hub.url);
    expect(monitor.current().state).toBe('unknown');

    const online = await monitor.recheck();
    expect(online.state).toBe('online');
    expect(online.reason).toBe('Team hub reachable (HTTP 204)');
    expect(new Date(online.checkedAt).toISOString()).toBe(online.checkedAt);
    expect(monitor.current()).toEqual(online);

    await hub.close();
    const offline = await monitor.recheck();
    expect(offline.state).toBe('offline');
    expect(offline.reason).toMatch(/^Team hub unreachable: \S+/);
    expect(offline.reason).toContain('ECONNREFUSED');
    expect(monitor.current()).toEqual(offline);
  });

  it('counts any HTTP answer, even an error status, as the hub being reachable', async () => {
    const hub = await startHub(503);
    const { monitor } = monitorOf(hub.url);
    expect(await monitor.recheck()).toMatchObject({ state: 'online', reason: 'Team hub reachable (HTTP 503)' });
  });

  it('calls onChange on transitions only', async () => {
    const hub = await startHub(200);
    const { monitor, changes } = monitorOf(hub.url);

    await monitor.recheck();
    await monitor.recheck();
    expect(changes.map((change) => change.state)).toEqual(['online']);

    await hub.close();
    await monitor.recheck();
    await monitor.recheck();
    expect(changes.map((change) => change.state)).toEqual(['online', 'offline']);
    expect(changes[1]!.reason).toContain('ECONNREFUSED');

    // The hub comes back on the same port.
    const back = await startHub(200, hub.port);
    await monitor.recheck();
    await monitor.recheck();
    expect(changes.map((change) => change.state)).toEqual(['online', 'offline', 'online']);
    expect(back.requests).toBe(2);
  });

  it('shares one probe between concurrent rechecks', async () => {
    const hub = await startHub(200);
    const { monitor } = monitorOf(hub.url);
    const [first, second, third] = await Promise.all([monitor.recheck(), monitor.recheck(), monitor.recheck()]);
    expect(first).toBe(second);
    expect(second).toBe(third);
    expect(hub.requests).toBe(1);
    await monitor.recheck();
    expect(hub.requests).toBe(2);
  });

  it('probes once on start()', async () => {
    const hub = await startHub(200);
    const { monitor, changes } = monitorOf(hub.url);
    monitor.start();
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBe(1);
    expect(changes[0]!.state).toBe('online');
    expect(hub.requests).toBe(1);
  });
});

describe('probeHub', () => {
  it('gives up on a hub that accepts the connection but never answers', async () => {
    const hub = await startHub('hang');
    const verdict = await probeHub(hub.url, 300);
    expect(verdict).toEqual({ state: 'offline', reason: 'Team hub unreachable: no answer within 300 ms' });
    expect(hub.requests).toBe(1);
  });

  it('never throws for a URL it cannot fetch', async () => {
    await expect(probeHub('http://127.0.0.1:0/', 1000)).resolves.toMatchObject({ state: 'offline' });
    await expect(probeHub('not a url', 1000)).resolves.toMatchObject({ state: 'offline' });
  });
});

describe('probeInterfaces', () => {
  const loopback: NetworkInterfaceInfo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' };
  const ethernet: NetworkInterfaceInfo = { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.20/24' };

  it('is offline when only internal (loopback) interfaces exist', () => {
    expect(probeInterfaces({ lo: [loopback], lo2: [{ ...loopback, address: '::1', family: 'IPv6', scopeid: 0, cidr: '::1/128' }] })).toEqual({ state: 'offline', reason: 'No network interface is up' });
  });

  it('is offline with no interfaces at all, or interfaces without addresses', () => {
    expect(probeInterfaces({})).toEqual({ state: 'offline', reason: 'No network interface is up' });
    expect(probeInterfaces({ eth0: undefined, wlan0: [] })).toEqual({ state: 'offline', reason: 'No network interface is up' });
  });

  it('is online when a non-internal interface has an address, naming only those interfaces', () => {
    const verdict = probeInterfaces({ lo: [loopback], eth0: [ethernet], wlan0: [{ ...ethernet, address: '10.0.0.7' }] });
    expect(verdict.state).toBe('online');
    expect(verdict.reason).toBe('Network up (eth0, wlan0); no team hub configured');
  });
});
