// Electron shell entry: a thin layer that gives the host a window, IPC, a tray and electron-store.
// Everything else is the host's (electron/host), shared with the browser shell.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from './contract';
import { chooseDataDir, ensureDataDir } from './host/dataDir';
import { createHost, type Host } from './host/host';
import { registerAppScheme, serveRendererOverAppScheme } from './shells/electron/appProtocol';
import { consoleMainFrameOnly } from './shells/electron/consoleSender';
import { registerContractHandlers, registerTerminalStream } from './shells/electron/ipcHandlers';
import { ipcEventChannel } from './shells/electron/ipcChannels';
import { consoleEntryUrl, consoleWindowOptions, guardWebContents } from './shells/electron/secureWindow';
import { electronSqliteBinding } from './shells/electron/nativeModules';
import { endFailedStartup } from './shells/electron/startupFailure';
import { askBeforeDiscardingUnsentWork } from './shells/electron/unsentWork';
import { createConsoleTray } from './shells/electron/tray';

// dist/electron/main.js → dist/renderer, dist/electron/preload.cjs, resources/icons.
const distDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(distDir, 'renderer');
const preloadPath = join(distDir, 'electron', 'preload.cjs');
const iconsDir = join(distDir, '..', 'resources', 'icons');

registerAppScheme(protocol);

/** Held for the app's life: Electron removes the icon of a Tray that is garbage-collected, and once the window
 * is closed (hidden) the tray is the user's only way back to the console. */
const heldForAppLife: { tray?: Tray } = {};

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
  const dataDir = chooseDataDir({ flag: dataDirFlag(process.argv) }).path;
  // Electron's own files go in the data dir too, and their paths must be set before the app is ready. When the
  // folder cannot be made, the failure is reported once a dialog can be shown (below).
  let dataDirProblem: unknown;
  try {
    ensureDataDir(dataDir);
    app.setPath('userData', dataDir);
    app.setPath('sessionData', join(dataDir, 'electron-session'));
  } catch (error) {
    dataDirProblem = error;
  }

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
    // Quit while text is unsent: ask, and if the responder stays, the quit is over (closing hides again).
    askBeforeDiscardingUnsentWork(created.webContents, (question) => dialog.showMessageBoxSync(created, question), () => (quitting = false));
    void created.loadURL(consoleEntryUrl);
    return created;
  };

  // Every IPC channel (calls and the terminal stream) answers only the console window's own page.
  const fromConsole = consoleMainFrameOnly(() => (window && !window.isDestroyed() ? window.webContents : undefined));

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

  const startConsole = () => {
    if (dataDirProblem) throw dataDirProblem;
    Menu.setApplicationMenu(null);
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
    serveRendererOverAppScheme(protocol, rendererDir);

    const started = createHost({
      dataDir,
      shell: 'electron',
      createSettingsStore: (options) => new ElectronStore<Settings>(options),
      sqliteNativeBinding: electronSqliteBinding(join(distDir, '..')),
      builtInRunbooksDir: join(distDir, '..', 'runbooks'),
      shellIntegrationDir: join(distDir, '..', 'resources', 'shell-integration'),
    });
    host = started;
    registerContractHandlers(ipcMain, started, fromConsole);
    registerTerminalStream(ipcMain, started, fromConsole);
    started.events.subscribe((event) => {
      if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel, event);
    });

    window = openConsoleWindow();
    heldForAppLife.tray = createConsoleTray({ Tray, Menu }, join(iconsDir, 'holdfast-tray.png'), { show: showWindow, quit: () => app.quit() });
  };

  void app
    .whenReady()
    .then(startConsole)
    .catch(async (error: unknown) => {
      // Shells started so far end and the database closes before the process does (app.exit skips will-quit).
      await host?.dispose().catch(() => undefined);
      endFailedStartup(error, dataDir, { dialog, app });
    });
}
