// Calls the running console's host over its HTTP API (POST /api/call/<method>, Bearer token), for tests
// that set up or check state without clicking through it.
import type { MethodName, ParamsOf, ResultOf } from '../../electron/contract';
import type { ConsoleServer } from './consoleServer';

export interface HostApi {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
}

export function hostApi(server: Pick<ConsoleServer, 'origin' | 'token'>): HostApi {
  return {
    async call(method, params) {
      const response = await fetch(`${server.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(params),
      });
      const outcome = (await response.json()) as { ok: true; result: ResultOf<typeof method> } | { ok: false; error: { code: string; message: string } };
      if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code}: ${outcome.error.message}`);
      return outcome.result;
    },
  };
}

/** Runs `count` calls, `concurrency` at a time. */
export async function inBatches(count: number, concurrency: number, run: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => run(start + offset)));
  }
}
