// Smoke test of the Electron shell itself. It needs the Electron binary, which cannot be downloaded on a
// closed network; there the test is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HoldfastBridge } from '../../electron/contract/bridge';

/** Every member of the bridge contract, and nothing else: the compiler refuses this object when a member is
 * added to or removed from HoldfastBridge (missing or excess property), and preload.ts builds its bridge as a
 * HoldfastBridge object literal, so it exposes exactly these names too. */
const bridgeContractMembers: Record<keyof HoldfastBridge, true> = {
  call: true,
  onEvent: true,
  onTerminalOutput: true,
  sendTerminalStream: true,
};

function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? { path } : { reason: `the Electron binary is missing at ${path}` };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${error instanceof Error ? error.message : String(error)}); its download is not reachable from this machine` };
  }
}

test('Electron shell: window opens the console with the security settings on', async () => {
  const binary = electronBinary();
  if (!binary.path) {
    console.log(`Skipping the Electron smoke test: ${binary.reason}.`);
    test.skip(true, binary.reason);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [fileURLToPath(new URL('../..', import.meta.url)), `--data-dir=${dataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    // From inside the page: no Node (nodeIntegration off, sandbox on) and only the contract's bridge exposed.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { holdfastBridge?: object }).holdfastBridge ?? {}).sort(),
    }));
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: Object.keys(bridgeContractMembers).sort() });
    await window.getByRole('button', { name: 'Settings' }).click();
    await expect(window.getByText('Desktop app (Electron)')).toBeVisible();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
