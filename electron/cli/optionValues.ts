// Checks for option values that parseArgs leaves as strings.
import { UsageError } from './command';

export function parsePort(value: unknown, invocation: string): number {
  if (value === undefined) return 0;
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${String(value)}")`, invocation);
  }
  return port;
}
