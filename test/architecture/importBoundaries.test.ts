import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, importsOf } from './importBoundaries';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('import boundaries', () => {
  it('hold across the whole source tree', () => {
    expect(checkTree(repoRoot)).toEqual([]);
  });

  it('catch a renderer file importing a Node built-in, bare or node:-prefixed', () => {
    expect(checkFile('renderer/src/app/App.tsx', ['fs'])).toHaveLength(1);
    expect(checkFile('renderer/src/app/App.tsx', ['node:child_process'])).toHaveLength(1);
    expect(checkFile('renderer/src/app/App.tsx', ['fs/promises'])).toHaveLength(1);
  });

  it('catch a renderer file reaching into the host', () => {
    expect(checkFile('renderer/src/state/consoleStore.ts', ['../../../electron/host/host'])[0]?.rule).toMatch(/only the contract/);
    expect(checkFile('renderer/src/state/consoleStore.ts', ['../../../electron/contract'])).toEqual([]);
  });

  it('catch electron imported outside the Electron shell, and allow it inside', () => {
    expect(checkFile('electron/host/host.ts', ['electron'])).toHaveLength(1);
    expect(checkFile('electron/cli/main.ts', ['electron-store'])).toHaveLength(1);
    expect(checkFile('renderer/src/main.tsx', ['electron'])).toHaveLength(1);
    expect(checkFile('electron/main.ts', ['electron', 'electron-store'])).toEqual([]);
    expect(checkFile('electron/shells/electron/tray.ts', ['electron'])).toEqual([]);
  });

  it('catch the host importing a shell, and the contract importing anything but zod', () => {
    expect(checkFile('electron/host/host.ts', ['../shells/browser/server'])).toHaveLength(1);
    expect(checkFile('electron/contract/methods.ts', ['node:fs'])).toHaveLength(1);
    expect(checkFile('electron/contract/methods.ts', ['zod', './settings'])).toEqual([]);
  });

  it('read type-only, dynamic and re-export imports too', () => {
    expect(importsOf("import type { X } from 'electron';\nexport * from 'node:fs';\nconst m = await import('node:os');")).toEqual(['electron', 'node:fs', 'node:os']);
  });
});
