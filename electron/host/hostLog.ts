// The host's diagnostic log (<dataDir>/logs/host.log): what went wrong inside, for a bug report.
// Never incident data: that lives in the store.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface HostLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function fileHostLog(dataDir: string): HostLog {
  const dir = join(dataDir, 'logs');
  const file = join(dir, 'host.log');
  const write = (level: string, message: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`);
    } catch {
      // A full or read-only disk must not take the console down with it; the caller still gets its error.
    }
  };
  return {
    warn: (message) => write('WARN', message),
    error: (message, error) => write('ERROR', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
