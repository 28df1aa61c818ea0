// The Electron shell's IPC layer, sender check and window options, with a fake ipcMain and fake windows and
// frames (Electron cannot run here) in front of a real host.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, methodNames, type Outcome } from '../../../electron/contract';
import { consoleMainFrameOnly, isConsoleFrameUrl, isConsoleMainFrame, type IpcSender } from '../../../electron/shells/electron/consoleSender';
import { ipcChannelFor } from '../../../electron/shells/electron/ipcChannels';
import { registerContractHandlers } from '../../../electron/shells/electron/ipcHandlers';
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

  async invoke(channel: string, from: IpcSender, ...args: unknown[]): Promise<Outcome> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (await handler(from as IpcMainInvokeEvent, ...args)) as Outcome;
  }
}

const consolePage = 'app://holdfast/index.html';

/** A frame as Electron's WebFrameMain shows it to the sender check. */
interface FakeFrame {
  url: string;
  detached: boolean;
}

/** A window's web contents: its top document (mainFrame), and whether the window is gone. */
class FakeWindowContents {
  destroyed = false;
  readonly mainFrame: FakeFrame = { url: consolePage, detached: false };
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** An iframe inside this window's page. */
  childFrame(url: string): FakeFrame {
    return { url, detached: false };
  }
  get asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/** The window after its top document navigated to `url`. */
function showing(contents: FakeWindowContents, url: string): FakeWindowContents {
  contents.mainFrame.url = url;
  return contents;
}

/** An IPC message as ipcMain reports it: which contents sent it, and from which frame. */
function sentBy(contents: FakeWindowContents, frame: FakeFrame | null = contents.mainFrame): IpcSender {
  return { sender: contents.asWebContents, senderFrame: frame } as unknown as IpcSender;
}

let dataDir: ReturnType<typeof makeTempDataDir>;
let testHost: TestHost;
let ipcMain: FakeIpcMain;
let consoleWindow: FakeWindowContents;
let trustConsoleMainFrame: (event: IpcSender) => boolean;

beforeEach(() => {
  dataDir = makeTempDataDir();
  testHost = startTestHost(dataDir.path);
  ipcMain = new FakeIpcMain();
  consoleWindow = new FakeWindowContents();
  trustConsoleMainFrame = consoleMainFrameOnly(() => consoleWindow.asWebContents);
});

afterEach(async () => {
  await testHost.host.dispose();
  dataDir.remove();
});

describe('registerContractHandlers', () => {
  it('registers one handler per contract method on holdfast:call:<method>, and removes them all again', () => {
    const unregister = registerContractHandlers(ipcMain, testHost.host, trustConsoleMainFrame);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((method) => `holdfast:call:${method}`).sort());
    expect(methodNames.map(ipcChannelFor)).toEqual(methodNames.map((method) => `holdfast:call:${method}`));
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('refuses an untrusted sender with unauthorized, and the host never sees the call', async () => {
    const seen: unknown[] = [];
    registerContractHandlers(ipcMain, testHost.host, (event) => (seen.push(event), false));

    const outcome = await ipcMain.invoke('holdfast:call:settings.update', sentBy(consoleWindow), { theme: 'dark', responderName: 'Mallory' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('settings.update') } });
    expect(seen).toHaveLength(1);
    expect(await testHost.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it.each([
    ['the console window once it shows a file:// page', () => sentBy(showing(consoleWindow, 'file:///home/user/evil.html'))],
    ['an iframe inside the console page', () => sentBy(consoleWindow, consoleWindow.childFrame(consolePage))],
    ['another window showing the console page', () => sentBy(new FakeWindowContents())],
    ['a frame that is gone', () => sentBy(consoleWindow, null)],
  ])('with the console sender check, refuses %s', async (_label, sender) => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleMainFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', sender(), { theme: 'dark' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await testHost.host.call('settings.get', {})).toEqual({ ok: true, result: defaultSettings });
  });

  it('passes a trusted sender\'s params through to the host unchanged', async () => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleMainFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', sentBy(consoleWindow), { theme: 'dark', responderName: 'Ada' });
    expect(outcome).toEqual({ ok: true, result: { ...defaultSettings, theme: 'dark', responderName: 'Ada' } });
    expect(await testHost.host.call('settings.get', {})).toEqual(outcome);

    const description = await ipcMain.invoke('holdfast:call:app.describe', sentBy(consoleWindow), {});
    expect(description).toMatchObject({ ok: true, result: { productName: 'Holdfast', dataDir: dataDir.path } });
  });

  it('lets the host validate a trusted sender\'s params', async () => {
    registerContractHandlers(ipcMain, testHost.host, trustConsoleMainFrame);
    const outcome = await ipcMain.invoke('holdfast:call:settings.update', sentBy(consoleWindow), { theme: 'purple' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_params', issues: [{ path: 'params.theme' }] } });
    expect(await ipcMain.invoke('holdfast:call:settings.get', sentBy(consoleWindow), 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
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

describe('isConsoleMainFrame (the check every IPC handler and listener asks first)', () => {
  it('accepts the top document of the console window, showing the console page', () => {
    expect(isConsoleMainFrame(sentBy(consoleWindow), consoleWindow.asWebContents)).toBe(true);
  });

  it('refuses an iframe inside the console page, even one loaded from app://holdfast', () => {
    expect(isConsoleMainFrame(sentBy(consoleWindow, consoleWindow.childFrame(consolePage)), consoleWindow.asWebContents)).toBe(false);
  });

  it('refuses the frame Electron reports when it is detached (a page still unloading after a navigation)', () => {
    consoleWindow.mainFrame.detached = true;
    expect(isConsoleMainFrame(sentBy(consoleWindow), consoleWindow.asWebContents)).toBe(false);
  });

  it('refuses a message whose frame is gone (senderFrame null)', () => {
    expect(isConsoleMainFrame(sentBy(consoleWindow, null), consoleWindow.asWebContents)).toBe(false);
  });

  it.each(['file:///app/dist/renderer/index.html', 'http://127.0.0.1:5173/', 'app://evil/index.html', 'about:blank'])(
    'refuses the console window once its top document is %s',
    (url) => {
      expect(isConsoleMainFrame(sentBy(showing(consoleWindow, url)), consoleWindow.asWebContents)).toBe(false);
    },
  );

  it('refuses every other window, and everyone while there is no console window or it was destroyed', () => {
    expect(isConsoleMainFrame(sentBy(new FakeWindowContents()), consoleWindow.asWebContents)).toBe(false);
    expect(isConsoleMainFrame(sentBy(consoleWindow), undefined)).toBe(false);
    consoleWindow.destroyed = true;
    expect(isConsoleMainFrame(sentBy(consoleWindow), consoleWindow.asWebContents)).toBe(false);
  });

  it('as consoleMainFrameOnly, follows the window: a console opened again is trusted, the old one no longer', () => {
    const first = new FakeWindowContents();
    let current: FakeWindowContents | undefined = first;
    const fromConsole = consoleMainFrameOnly(() => current?.asWebContents);
    expect(fromConsole(sentBy(first))).toBe(true);
    current = undefined;
    expect(fromConsole(sentBy(first))).toBe(false);
    const second = new FakeWindowContents();
    current = second;
    expect(fromConsole(sentBy(second))).toBe(true);
    expect(fromConsole(sentBy(first))).toBe(false);
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
