// A database the host cannot use (corrupt, or from a newer Holdfast) must not take the console down:
// settings still work, incident calls say why they cannot, and the file is left exactly as it was.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { startTestHost } from '../../helpers/testHost';
import { makeTempDataDir } from '../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
let host: Host | undefined;

beforeEach(() => (dataDir = makeTempDataDir()));
afterEach(async () => {
  await host?.dispose();
  dataDir.remove();
});

function start(): Host {
  host = startTestHost(dataDir.path).host;
  return host;
}

describe('an unusable incident database', () => {
  it.each([
    ['not a database', () => writeFileSync(join(dataDir.path, 'holdfast.db'), 'this is a text file, not SQLite\n'.repeat(200)), /not a readable Holdfast database/],
    [
      'from a newer Holdfast',
      () => {
        const db = new Database(join(dataDir.path, 'holdfast.db'));
        db.pragma('user_version = 999');
        db.close();
      },
      /written by a newer Holdfast/,
    ],
  ])('%s: the console starts, says why, and leaves the file alone', async (_name, prepare, reason) => {
    prepare();
    const before = readFileSync(join(dataDir.path, 'holdfast.db'));
    const console = start();

    const described = await console.call('app.describe', {});
    expect(described.ok && described.result).toMatchObject({ problems: [expect.stringMatching(reason)] });
    expect((await console.call('settings.update', { theme: 'dark' })).ok).toBe(true);

    const declared = await console.call('incidents.declare', { title: 'x', severity: 'SEV1' });
    expect(declared.ok).toBe(false);
    if (!declared.ok) {
      expect(declared.error.code).toBe('unavailable');
      expect(declared.error.message).toMatch(reason);
    }
    expect(readFileSync(join(dataDir.path, 'holdfast.db')).equals(before)).toBe(true);
  });
});
