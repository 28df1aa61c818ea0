// better-sqlite3 is not an N-API module, so the copy built for Node cannot load in Electron (and the other
// way round). This builds a second copy against Electron's headers into build/electron-native/, which the
// Electron shell hands to better-sqlite3 through its `nativeBinding` option. node-pty is N-API: one build
// serves both. Needs Electron's headers from its download server, so it only works where that is reachable.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = JSON.parse(readFileSync(`${root}/node_modules/electron/package.json`, 'utf8')).version;
const source = `${root}/node_modules/better-sqlite3`;
const workDir = `${root}/build/electron-native/better-sqlite3`;

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
cpSync(source, workDir, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });

// npm's own node-gyp when run from an npm script; else whatever npx finds.
const nodeGyp = process.env.npm_config_node_gyp;
const [command, prefix] = nodeGyp ? [process.execPath, [nodeGyp]] : ['npx', ['--yes', 'node-gyp']];
const env = { ...process.env };
delete env.npm_config_nodedir; // a nodedir pointing at Node's headers would silently build for Node again
const result = spawnSync(command, [...prefix, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: workDir, stdio: 'inherit', env });
const built = `${workDir}/build/Release/better_sqlite3.node`;
if (result.status !== 0 || !existsSync(built)) {
  console.error(`rebuild-native-for-electron: building better-sqlite3 for Electron ${electronVersion} failed.`);
  process.exit(1);
}
console.log(`rebuild-native-for-electron: ${built}`);
