// A real host (real conf-backed settings.json in the given data dir) for tests. Connectivity is pinned to a
// fixed verdict unless a test passes its own probe, and everything the host logs is collected for assertions.
import Conf from 'conf';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../../electron/contract';
import { createHost, type Host, type HostOptions } from '../../electron/host/host';

export interface CollectedLog {
  warnings: string[];
  errors: { message: string; error: unknown }[];
}

export interface TestHost extends CollectedLog {
  host: Host;
}

export const fixedConnectivity: NonNullable<HostOptions['connectivity']> = {
  probe: async () => ({ state: 'online', reason: 'test' }),
};

/** The repository's built-in runbook library. */
export const builtInRunbooksDir = fileURLToPath(new URL('../../runbooks', import.meta.url));
export const shellIntegrationDir = fileURLToPath(new URL('../../resources/shell-integration', import.meta.url));

export function startTestHost(dataDir: string, overrides: Partial<Omit<HostOptions, 'dataDir' | 'log' | 'createSettingsStore'>> = {}): TestHost {
  const warnings: string[] = [];
  const errors: CollectedLog['errors'] = [];
  const host = createHost({
    dataDir,
    shell: 'browser',
    createSettingsStore: (options) => new Conf<Settings>(options),
    connectivity: fixedConnectivity,
    builtInRunbooksDir,
    shellIntegrationDir,
    log: {
      warn: (message) => warnings.push(message),
      error: (message, error) => errors.push({ message, error }),
    },
    ...overrides,
  });
  return { host, warnings, errors };
}
