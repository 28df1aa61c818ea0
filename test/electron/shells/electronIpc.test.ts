// The Electron shell's IPC layer and window options, with a fake ipcMain (Electron cannot run here) in front
// of a real host.
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, methodNames, type Outcome } from '../../../electron/contract';
import { ipcChannelFor } from '../../../electron/shells/electron/ipcChannels';
import { isConsoleFrameUrl, registerContractHandlers } from '../../../electron/shells/electron/ipcHandlers';
import { consoleWindowOptions } from '../../../electron/shells/electron/secureWindow';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { startTestHost, type TestHost } from '../../helpers/testHost';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown;

/** Just enough of ipcMain: handle() stores the handler per channel, invoke() plays the renderer's side. */
class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invoke(channel: string, senderUrl: string | undefined, ...args: unknown[]): Promise<Outcome> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: senderUrl === undefined ? null : { url: senderUrl } } as unknown as IpcMainInvokeEvent;
    return (await handler(event, ...args)) as Outcome;
  }
}

const consolePage = 'app://holdfast/index.html';
const trustConsoleFrame = (event: IpcMainInvokeEvent) => isConsoleFrameUrl(event.senderFrame?.url);

let dataDir: ReturnType<typeof makeTempDataDir>;
let testHost: TestHost;
let ipcMain: FakeIpcMain;

beforeEach(() => {
  dataDir = makeTempDataDir();
  testHost = startTestHost(dataDir.path);
  ipcMain = new FakeIpcMain();
});

afterEach(async () => {
  await testHost.host.dispose();
  dataDir.remove();
});

describe('registerContractHandlers', () => {
  it('registers one handler per contract method on holdfast:call:<method>, and removes them all again', () => {
    const unregister = registerContractHandlers(ipcMain, testHost.host, trustConsoleFrame);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((method) => `holdfast:call:${method}`).sort());
    expect(methodNames.map(ipcChannelFor)).toEqual(methodNames.map((method) => `holdfast:call:${method}`));
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('refuses an untrusted sender with unauthorized, and the host never sees the call', async () => {
    const seen: unknown[] = [];
    registerContractHandlers(ipcMain, testHost.host, (event) => (seen.push(event), false));

    const outcome = await ipcMain.invoke('holdfast:call:settings.update', consolePage, { theme: 'dark', responderName: 'Mallory' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('settings.update') } });
    expect(seen).toHaveLength(1);
    expect(await testHost.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it.each([
    ['a file:// page', 'file:///home/user/evil.html'],
    ['a local web page', 'http://127.0.0.1:8080/'],
    ['another app:// host', 'app://evil/index.html'],
    ['a frame without a URL', undefined],
  ])('with the console-frame check, refuses %s', async (_label, url) => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', url, { theme: 'dark' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await testHost.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it('passes a trusted sender\'s params through to the host unchanged', async () => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', consolePage, { theme: 'dark', responderName: 'Ada' });
    expect(outcome).toEqual({ ok: true, result: { ...defaultSettings, theme: 'dark', responderName: 'Ada' } });
    expect(await testHost.host.call('settings.get', {})).toEqual(outcome);

    const description = await ipcMain.invoke('holdfast:call:app.describe', consolePage, {});
    expect(description).toMatchObject({ ok: true, result: { productName: 'Holdfast', dataDir: dataDir.path } });
  });

  it('lets the host validate a trusted sender\'s params', async () => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', consolePage, { theme: 'purple' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_params', issues: [{ path: 'params.theme' }] } });
    expect(await ipcMain.invoke('holdfast:call:settings.get', consolePage, 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
  });
});

describe('isConsoleFrameUrl', () => {
  it.each(['app://holdfast/index.html', 'app://holdfast/', 'app://holdfast/incidents/42?tab=log#top'])('accepts the console page %s', (url) => {
    expect(isConsoleFrameUrl(url)).toBe(true);
  });

  it.each([
    'file:///app/dist/renderer/index.html',
    'http://127.0.0.1/index.html',
    'http://127.0.0.1:5173/',
    'https://holdfast/index.html',
    'app://evil/index.html',
    'app://holdfast.evil.example/index.html',
    'app://holdfast:8080/index.html',
    'apps://holdfast/index.html',
    'about:blank',
    'not a url',
    '',
    undefined,
  ])('rejects %s', (url) => {
    expect(isConsoleFrameUrl(url)).toBe(false);
  });
});

describe('consoleWindowOptions', () => {
  it('isolates and sandboxes the console, with no Node and full web security', () => {
    const options = consoleWindowOptions('/app/dist/electron/preload.cjs', '/app/resources/icon.png');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.icon).toBe('/app/resources/icon.png');
  });
});
