// electron/main.ts itself, run against a fake `electron` module (Electron cannot run here) with a real host in
// a temp data dir: what it keeps for the app's life, how it fails to start, and whom its IPC answers.
import Conf from 'conf';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../electron/contract';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { waitFor } from '../host/terminal/terminalHost';
import { FakeElectron, type FakeTray } from './fakeElectron';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const originalArgv = process.argv;
let dataDir: ReturnType<typeof makeTempDataDir>;
let electron: FakeElectron;

/** Imports main.ts as Electron would run it, with `--data-dir`, and waits until it has started or given up. */
async function launch(options: { dataDirArg?: string; settingsStore?: unknown } = {}): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.doMock('electron-store', () => ({ default: options.settingsStore ?? Conf }));
  process.argv = [...originalArgv, `--data-dir=${options.dataDirArg ?? dataDir.path}`];
  await import('../../../electron/main');
  electron.app.becomeReady();
  await waitFor('the console to start or give up', () => electron.app.exitCode !== undefined || electron.trays.length > 0);
}

beforeEach(() => {
  dataDir = makeTempDataDir();
  electron = new FakeElectron();
});

afterEach(async () => {
  if (electron.app.exitCode === undefined) {
    electron.app.quit(); // main.ts disposes the host, then exits
    await waitFor('the host to be disposed', () => electron.app.exitCode !== undefined);
  }
  process.argv = originalArgv;
  vi.doUnmock('electron');
  vi.doUnmock('electron-store');
  dataDir.remove();
});

describe('the tray', () => {
  it('outlives garbage collection: with the window closed (hidden), it is the way back to the console', async () => {
    await launch();
    const [window] = electron.windows;
    window!.emit('close', { preventDefault: () => {} });
    window!.hide();

    const trayRef = electron.trays[0]!;
    await new Promise((resolve) => setTimeout(resolve, 0)); // a WeakRef holds its target until the job ends
    collectGarbage();
    const tray: FakeTray | undefined = trayRef.deref();
    expect(tray, 'the Tray object was garbage-collected, so its icon is gone').toBeDefined();

    tray!.emit('click');
    expect(window!.visible).toBe(true);
  });
});

describe('a console that cannot start', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => (stderr.push(String(text)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says why and where in an error box, and exits with status 1 instead of lingering with the lock', async () => {
    class UnreadableSettings {
      constructor() {
        throw Object.assign(new Error(`EACCES: permission denied, open '${join(dataDir.path, 'settings.json')}'`), { code: 'EACCES' });
      }
    }
    await launch({ settingsStore: UnreadableSettings });

    expect(electron.app.exitCode).toBe(1);
    expect(electron.errorBoxes).toHaveLength(1);
    const [notice] = electron.errorBoxes;
    expect(notice!.title).toBe('Holdfast could not start');
    expect(notice!.content).toContain(dataDir.path);
    expect(notice!.content).toContain('EACCES: permission denied');
    expect(notice!.content).toContain('You do not have permission');
    expect(electron.windows).toHaveLength(0);
    expect(stderr.join('')).toContain(notice!.content); // what a launch from a terminal shows
  });

  it('reports a data folder that cannot be created (a file in the way) the same way, once a dialog can be shown', async () => {
    const blocking = join(dataDir.path, 'not-a-folder');
    writeFileSync(blocking, 'x');
    await launch({ dataDirArg: blocking });

    expect(electron.app.exitCode).toBe(1);
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]!.content).toContain(blocking);
    expect(electron.errorBoxes[0]!.content).toContain('A file is in the way');
  });
});

describe('IPC, as main.ts registers it', () => {
  it('answers every contract method from the console window’s top frame only', async () => {
    await launch();
    const [window] = electron.windows;
    const contents = window!.webContents;
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((method) => `holdfast:call:${method}`).sort());

    const fromConsole = await electron.ipcMain.invoke('holdfast:call:app.describe', contents, contents.mainFrame, {});
    expect(fromConsole).toMatchObject({ ok: true, result: { shell: 'electron', dataDir: dataDir.path } });

    const iframe = { url: contents.mainFrame.url, detached: false };
    expect(await electron.ipcMain.invoke('holdfast:call:app.describe', contents, iframe, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    contents.mainFrame.url = 'file:///tmp/evil.html';
    expect(await electron.ipcMain.invoke('holdfast:call:app.describe', contents, contents.mainFrame, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
