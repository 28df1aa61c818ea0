// How Holdfast decides it is online. With a team hub configured, "online" means the hub answers;
// without one, it means some non-loopback network interface is up. Probes never throw.
import { networkInterfaces } from 'node:os';
import type { Connectivity } from '../../contract';

export type ProbeVerdict = Pick<Connectivity, 'state' | 'reason'>;

export async function probeHub(hubUrl: string, timeoutMs: number): Promise<ProbeVerdict> {
  try {
    // Any HTTP answer proves the hub is reachable; auth and API errors are the sync service's business.
    const response = await fetch(hubUrl, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.body?.cancel();
    return { state: 'online', reason: `Team hub reachable (HTTP ${response.status})` };
  } catch (error) {
    return { state: 'offline', reason: `Team hub unreachable: ${describeFetchError(error, timeoutMs)}` };
  }
}

export function probeInterfaces(interfaces = networkInterfaces()): ProbeVerdict {
  const up = Object.entries(interfaces).filter(([, addresses]) => addresses?.some((address) => !address.internal));
  if (up.length === 0) return { state: 'offline', reason: 'No network interface is up' };
  return { state: 'online', reason: `Network up (${up.map(([name]) => name).join(', ')}); no team hub configured` };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
