import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDataDir, ensureDataDir, osUserDataDir } from '../../../electron/host/dataDir';
import { makeTempDataDir } from '../../helpers/tempDataDir';

const home = '/home/responder';
const cwd = '/work/incident';

describe('chooseDataDir precedence', () => {
  it('takes --data-dir over HOLDFAST_DATA_DIR and the OS default', () => {
    expect(chooseDataDir({ flag: '/srv/flag', env: { HOLDFAST_DATA_DIR: '/srv/env' }, platform: 'linux', home, cwd })).toEqual({ path: '/srv/flag', source: 'flag' });
  });

  it('takes HOLDFAST_DATA_DIR when there is no flag', () => {
    expect(chooseDataDir({ env: { HOLDFAST_DATA_DIR: '/srv/env' }, platform: 'linux', home, cwd })).toEqual({ path: '/srv/env', source: 'env' });
  });

  it('falls back to the OS user-data folder when neither is given', () => {
    expect(chooseDataDir({ env: {}, platform: 'linux', home, cwd })).toEqual({ path: join(home, '.config', 'Holdfast'), source: 'os-default' });
  });

  it('ignores a blank flag or a blank HOLDFAST_DATA_DIR', () => {
    expect(chooseDataDir({ flag: '  ', env: { HOLDFAST_DATA_DIR: '/srv/env' }, platform: 'linux', home, cwd }).source).toBe('env');
    expect(chooseDataDir({ env: { HOLDFAST_DATA_DIR: '' }, platform: 'linux', home, cwd }).source).toBe('os-default');
  });

  it('resolves a relative flag (and a relative HOLDFAST_DATA_DIR) against the working directory', () => {
    expect(chooseDataDir({ flag: 'data/holdfast', env: {}, platform: 'linux', home, cwd }).path).toBe('/work/incident/data/holdfast');
    expect(chooseDataDir({ flag: '../shared', env: {}, platform: 'linux', home, cwd }).path).toBe('/work/shared');
    expect(chooseDataDir({ env: { HOLDFAST_DATA_DIR: 'rel' }, platform: 'linux', home, cwd }).path).toBe('/work/incident/rel');
  });

  it('reads process.env and process.cwd() when no sources are given', () => {
    const saved = process.env.HOLDFAST_DATA_DIR;
    process.env.HOLDFAST_DATA_DIR = 'from-process-env';
    try {
      expect(chooseDataDir()).toEqual({ path: join(process.cwd(), 'from-process-env'), source: 'env' });
    } finally {
      if (saved === undefined) delete process.env.HOLDFAST_DATA_DIR;
      else process.env.HOLDFAST_DATA_DIR = saved;
    }
  });
});

describe('osUserDataDir', () => {
  it('uses ~/.config/Holdfast on Linux', () => {
    expect(osUserDataDir('linux', {}, home)).toBe('/home/responder/.config/Holdfast');
  });

  it('honours an absolute XDG_CONFIG_HOME on Linux and ignores a relative one', () => {
    expect(osUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg/config' }, home)).toBe('/xdg/config/Holdfast');
    expect(osUserDataDir('linux', { XDG_CONFIG_HOME: 'relative/config' }, home)).toBe('/home/responder/.config/Holdfast');
  });

  it('uses ~/Library/Application Support/Holdfast on macOS, whatever XDG_CONFIG_HOME says', () => {
    expect(osUserDataDir('darwin', { XDG_CONFIG_HOME: '/xdg/config' }, '/Users/responder')).toBe('/Users/responder/Library/Application Support/Holdfast');
  });

  it('uses %APPDATA%\\Holdfast on Windows, or AppData/Roaming under the home folder without APPDATA', () => {
    // path.join is the host platform's, so compare against the same join rather than hard-coding separators.
    expect(osUserDataDir('win32', { APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'C:\\Users\\r')).toBe(join('C:\\Users\\r\\AppData\\Roaming', 'Holdfast'));
    expect(osUserDataDir('win32', {}, 'C:\\Users\\r')).toBe(join('C:\\Users\\r', 'AppData', 'Roaming', 'Holdfast'));
  });

  it('is what chooseDataDir falls back to on each platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const env = { APPDATA: '/appdata' };
      expect(chooseDataDir({ env, platform, home, cwd }).path).toBe(osUserDataDir(platform, env, home));
    }
  });
});

describe('ensureDataDir', () => {
  let temp: ReturnType<typeof makeTempDataDir>;
  afterEach(() => temp.remove());

  it('creates the folder, and any missing parents, private to the user (0700)', () => {
    temp = makeTempDataDir();
    const parent = join(temp.path, 'nested');
    const target = join(parent, 'Holdfast');
    const previousUmask = process.umask(0o022);
    try {
      expect(ensureDataDir(target)).toBe(target);
    } finally {
      process.umask(previousUmask);
    }
    expect(statSync(target).isDirectory()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    expect(statSync(parent).mode & 0o777).toBe(0o700);
  });

  it('accepts a folder that already exists', () => {
    temp = makeTempDataDir();
    expect(ensureDataDir(temp.path)).toBe(temp.path);
    expect(statSync(temp.path).isDirectory()).toBe(true);
  });
});
