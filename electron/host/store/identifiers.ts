// Identifiers. Rows get ULIDs (sortable by creation time, unique across devices without coordination).
// Incidents also get a human ID, INC-2026-0042-K7Q: year, this device's counter for the year, and the
// device's code, so two laptops declaring offline never mint the same ID and sync needs no renumbering.
import { createHash, randomBytes } from 'node:crypto';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newUlid(now = Date.now()): string {
  let time = '';
  let remaining = now;
  for (let index = 0; index < 10; index++) {
    time = crockford[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  // 16 random characters (80 bits); 256 is a multiple of 32, so byte % 32 is unbiased.
  let tail = '';
  for (const byte of randomBytes(16)) tail += crockford[byte % 32];
  return time + tail;
}

export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}

/** Three Crockford base32 characters derived from the device id: short enough to read aloud on a bridge call. */
export function deviceCode(deviceId: string): string {
  const digest = createHash('sha256').update(deviceId).digest();
  return [0, 1, 2].map((index) => crockford[digest[index]! % 32]).join('');
}

export function formatHumanId(year: number, counter: number, code: string): string {
  return `INC-${year}-${String(counter).padStart(4, '0')}-${code}`;
}
