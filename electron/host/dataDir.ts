// Where Holdfast keeps everything of the user's (settings, database, evidence, logs): chosen once at launch.
// Precedence: --data-dir DIR, then HOLDFAST_DATA_DIR, then the OS user-data folder Electron would use.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const productFolderName = 'Holdfast';

export interface DataDirSources {
  /** The value of --data-dir, if given. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
}

export type DataDirChoice = { path: string; source: 'flag' | 'env' | 'os-default' };

/** The OS user-data folder: what Electron's app.getPath('userData') gives for productName "Holdfast". */
export function osUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', productFolderName);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), productFolderName);
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, productFolderName);
}

export function chooseDataDir(sources: DataDirSources = {}): DataDirChoice {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  if (sources.flag !== undefined && sources.flag.trim() !== '') return { path: resolve(cwd, sources.flag), source: 'flag' };
  const fromEnv = env.HOLDFAST_DATA_DIR;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { path: resolve(cwd, fromEnv), source: 'env' };
  return { path: osUserDataDir(sources.platform ?? process.platform, env, sources.home ?? homedir()), source: 'os-default' };
}

/** Creates the folder (private to the user: it will hold incident evidence) and returns its path. */
export function ensureDataDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}
