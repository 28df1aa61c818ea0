// Finds a Chromium-family browser for `holdfast start`'s app window (--app= gives a window without tabs
// or address bar: the closest thing to the desktop app when Electron is not installed).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const executableNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'brave-browser'];
const fixedPaths: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  // HOLDFAST_BROWSER names a browser explicitly; "none" turns the app window off.
  if (env.HOLDFAST_BROWSER) return env.HOLDFAST_BROWSER === 'none' ? undefined : env.HOLDFAST_BROWSER;
  const searchPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of executableNames) {
    for (const dir of searchPath) {
      const candidate = join(dir, platform === 'win32' ? `${name}.exe` : name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return fixedPaths[platform]?.find(isExecutable);
}

/** Linux without X11 or Wayland cannot show a window, whatever is installed. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumAppArgs(url: string, profileDir: string, runningAsRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--window-size=1280,820',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start as root with its sandbox on (containers, CI); the console is local-only.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
