// The Chromium app window's lifecycle: its throwaway profile is deleted only once the browser has gone, a
// browser that ignores SIGTERM is killed, and a profile that cannot be deleted costs one warning line.
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openChromiumAppWindow, type ChromiumAppWindow } from '../../../electron/cli/launchers/chromiumAppWindow';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { killByPidFile, waitFor } from './cliChildProcess';

const url = 'http://127.0.0.1:1/?code=test';
const temps: ReturnType<typeof makeTempDataDir>[] = [];
const windows: ChromiumAppWindow[] = [];
const fakeBrowsers: string[] = [];

afterEach(async () => {
  // Should a test fail half-way, no stand-in browser or profile outlives it.
  for (const browser of fakeBrowsers.splice(0)) killByPidFile(`${browser}.pid`);
  for (const window of windows.splice(0)) {
    await window.close();
    rmSync(window.profileDir, { recursive: true, force: true });
  }
  for (const temp of temps.splice(0)) temp.remove();
});

/** A stand-in browser: a bash script whose body decides how it treats SIGTERM. */
function fakeBrowser(body: string): string {
  const temp = makeTempDataDir('holdfast-fake-browser-');
  temps.push(temp);
  const path = join(temp.path, 'browser');
  // Wait for the "ready" file before signalling: a trap set after the signal would be too late.
  writeFileSync(path, `#!/bin/bash\necho $$ > "${path}.pid"\n${body}\ntouch "${path}.ready"\nwhile :; do sleep 0.05; done\n`);
  chmodSync(path, 0o755);
  fakeBrowsers.push(path);
  return path;
}

async function open(browser: string, options: Parameters<typeof openChromiumAppWindow>[2] = {}): Promise<ChromiumAppWindow> {
  const window = openChromiumAppWindow(browser, url, options);
  windows.push(window);
  await waitFor(() => existsSync(`${browser}.ready`), 'the stand-in browser to start');
  return window;
}

describe('Chromium app window', () => {
  it('kills a browser that ignores SIGTERM after the wait, then deletes its profile', async () => {
    const window = await open(fakeBrowser("trap '' TERM"), { exitWaitMs: 300 });
    expect(existsSync(window.profileDir)).toBe(true);
    expect(await window.close()).toBeUndefined();
    expect(await window.exited).toBe(128);
    expect(existsSync(window.profileDir)).toBe(false);
  });

  it('deletes the profile of a browser that already exited on its own (the user closed the window)', async () => {
    const window = openChromiumAppWindow(fakeBrowser('exit 0'), url);
    windows.push(window);
    expect(await window.exited).toBe(0);
    expect(await window.close()).toBeUndefined();
    expect(existsSync(window.profileDir)).toBe(false);
  });

  it('deletes the profile of a browser that could not be started', async () => {
    const window = openChromiumAppWindow('/nonexistent/chromium', url);
    windows.push(window);
    expect(await window.exited).toBe(-1);
    expect(await window.close()).toBeUndefined();
    expect(existsSync(window.profileDir)).toBe(false);
  });

  it('answers a profile it cannot delete with one warning line naming it, instead of throwing', async () => {
    const busy = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    const window = await open(fakeBrowser(''), {
      removeDirectory: () => {
        throw busy;
      },
    });
    const warning = await window.close();
    expect(warning).toContain(window.profileDir);
    expect(warning).toContain('EBUSY');
    expect(warning).not.toContain('\n');
  });
});
