// Electron shell entry: a thin layer that gives the host a window, IPC, a tray and electron-store.
// Everything else is the host's (electron/host), shared with the browser shell.
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell, Tray, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from './contract';
import { chooseDataDir, ensureDataDir } from './host/dataDir';
import { createHost, type Host } from './host/host';
import { registerAppScheme, serveRendererOverAppScheme } from './shells/electron/appProtocol';
import { isConsoleFrameUrl, registerContractHandlers, registerTerminalStream } from './shells/electron/ipcHandlers';
import { ipcEventChannel } from './shells/electron/ipcChannels';
import { consoleEntryUrl, consoleWindowOptions, guardWebContents } from './shells/electron/secureWindow';
import { electronSqliteBinding } from './shells/electron/nativeModules';
import { createConsoleTray } from './shells/electron/tray';

// dist/electron/main.js → dist/renderer, dist/electron/preload.cjs, resources/icons.
const distDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(distDir, 'renderer');
const preloadPath = join(distDir, 'electron', 'preload.cjs');
const iconsDir = join(distDir, '..', 'resources', 'icons');

registerAppScheme(protocol);

function dataDirFlag(argv: string[]): string | undefined {
  const inline = argv.find((arg) => arg.startsWith('--data-dir='));
  if (inline) return inline.slice('--data-dir='.length);
  const index = argv.indexOf('--data-dir');
  return index >= 0 ? argv[index + 1] : undefined;
}

if (!app.requestSingleInstanceLock()) {
  // Another Holdfast owns the data dir and the window; it is told (second-instance) and shows itself.
  app.quit();
} else {
  const dataDir = ensureDataDir(chooseDataDir({ flag: dataDirFlag(process.argv) }).path);
  app.setPath('userData', dataDir);
  app.setPath('sessionData', join(dataDir, 'electron-session'));

  let host: Host | undefined;
  let window: BrowserWindow | undefined;
  let quitting = false;

  const showWindow = () => {
    if (!window || window.isDestroyed()) window = openConsoleWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const openConsoleWindow = () => {
    const created = new BrowserWindow(consoleWindowOptions(preloadPath, join(iconsDir, 'holdfast-256.png')));
    created.once('ready-to-show', () => created.show());
    created.on('close', (event) => {
      // Closing the window keeps Holdfast in the tray (pages and deadlines still notify); Quit ends it.
      if (!quitting) {
        event.preventDefault();
        created.hide();
      }
    });
    void created.loadURL(consoleEntryUrl);
    return created;
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
  app.on('before-quit', () => {
    quitting = true;
  });
  // Wait for the host to end its shells (SIGHUP, then SIGKILL) and close the database: no orphaned ptys.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !host) return;
    event.preventDefault();
    disposed = true;
    void host.dispose().finally(() => app.exit(0));
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null);
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
    serveRendererOverAppScheme(protocol, rendererDir);

    host = createHost({
      dataDir,
      shell: 'electron',
      createSettingsStore: (options) => new ElectronStore<Settings>(options),
      sqliteNativeBinding: electronSqliteBinding(join(distDir, '..')),
      builtInRunbooksDir: join(distDir, '..', 'runbooks'),
      shellIntegrationDir: join(distDir, '..', 'resources', 'shell-integration'),
    });
    const fromConsole = (event: IpcMainEvent | IpcMainInvokeEvent) => event.sender === window?.webContents && isConsoleFrameUrl(event.senderFrame?.url);
    registerContractHandlers(ipcMain, host, fromConsole);
    registerTerminalStream(ipcMain, host, fromConsole);
    host.events.subscribe((event) => {
      if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel, event);
    });

    window = openConsoleWindow();
    createConsoleTray({ Tray, Menu }, join(iconsDir, 'holdfast-tray.png'), { show: showWindow, quit: () => app.quit() });
  });
}
