// A fresh data dir per test, removed afterwards: tests use real files, never the user's own folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDataDir(label = 'holdfast-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), label));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
