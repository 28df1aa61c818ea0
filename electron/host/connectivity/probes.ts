// How Holdfast decides it is online. With a team hub configured, "online" means the hub answers;
// without one, it means some non-loopback network interface is up. Probes never throw.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { networkInterfaces } from 'node:os';
import type { Connectivity } from '../../contract';

export type ProbeVerdict = Pick<Connectivity, 'state' | 'reason'>;

/** Any HTTP answer proves the hub is reachable; auth and API errors are the sync service's business. */
export function probeHub(hubUrl: string, timeoutMs: number): Promise<ProbeVerdict> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(hubUrl);
    } catch {
      return resolve({ state: 'offline', reason: `Team hub URL is not valid: ${hubUrl}` });
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // A fresh connection each time (agent: false): a pooled socket to a hub that has gone would answer
    // with a misleading socket error before the real one.
    const probe = send(url, { method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve({ state: 'online', reason: `Team hub reachable (HTTP ${response.statusCode})` });
    });
    probe.on('timeout', () => probe.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'timeout' })));
    probe.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'timeout' ? error.message : (error.code ?? error.message);
      resolve({ state: 'offline', reason: `Team hub unreachable: ${reason}` });
    });
    probe.end();
  });
}

export function probeInterfaces(interfaces = networkInterfaces()): ProbeVerdict {
  const up = Object.entries(interfaces).filter(([, addresses]) => addresses?.some((address) => !address.internal));
  if (up.length === 0) return { state: 'offline', reason: 'No network interface is up' };
  return { state: 'online', reason: `Network up (${up.map(([name]) => name).join(', ')}); no team hub configured` };
}
