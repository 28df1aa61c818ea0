// Secret variable values of guided runs, by run id. Held in this window's memory only: never stored, never
// put in a store that persists, sent to the host only in runs.start and runs.setVariables. A reload forgets
// them; the run then asks for them again before a command that needs them can be copied.
import { useSyncExternalStore } from 'react';

const values = new Map<string, Readonly<Record<string, string>>>();
const listeners = new Set<() => void>();
let version = 0;

export function rememberSecrets(runId: string, secrets: Record<string, string>): void {
  values.set(runId, { ...(values.get(runId) ?? {}), ...secrets });
  version += 1;
  listeners.forEach((listener) => listener());
}

export function secretsOf(runId: string): Readonly<Record<string, string>> {
  return values.get(runId) ?? {};
}

/** Re-renders the caller when any run's secrets change. */
export function useSecretsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}
