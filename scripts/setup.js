// `npm run setup`: installs Holdfast on a fresh machine in one step, whether or not Electron's binary can
// be downloaded. Needs nothing but Node and npm, so it runs before node_modules exists.
//  1. npm install, with the Electron binary download deferred (so a failed download cannot fail the install,
//     and the electron package, with its type definitions, is always there);
//  2. try the Electron binary download on its own; if it works, build better-sqlite3 for Electron too;
//     if not, say so in one line: `holdfast start` then opens the console in a Chromium/Chrome window.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`setup: "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

run(npm, ['install', '--no-audit', '--no-fund'], { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });

const electronInstaller = `${root}/node_modules/electron/install.js`;
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('setup: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the desktop (Electron) window was not installed; `holdfast start` will use a browser window.');
} else if (existsSync(electronInstaller)) {
  const download = spawnSync(process.execPath, [electronInstaller], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 });
  if (download.status === 0) {
    console.log('setup: Electron is installed; building native modules for it.');
    run(process.execPath, ['scripts/rebuild-native-for-electron.js']);
  } else {
    const reason = String(download.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'no reason given';
    console.log(`setup: Electron's binary could not be downloaded (${reason.trim()}).`);
    console.log('setup: that is fine: `holdfast start` opens the console in a Chromium/Chrome window instead. Run `npm run setup` again when online to get the desktop app.');
  }
}
console.log('setup: done. Open the console with: npx holdfast start');
