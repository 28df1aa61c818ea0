// The console window and the rules every web contents lives by: isolated, sandboxed, no Node, no
// navigation away from the console, no new windows (https links open in the user's browser instead).
import type { BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';
import { consoleOrigin } from './consoleSender';

export const consoleEntryUrl = `${consoleOrigin}/index.html`;

export function consoleWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'Holdfast',
    icon: iconPath,
    show: false, // shown on ready-to-show, so the first thing seen is the painted console
    backgroundColor: '#11161d',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(consoleOrigin + '/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
