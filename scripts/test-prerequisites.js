// Runs before `npm test`: the end-to-end tests drive Debian's Chromium (never a downloaded browser).
// Installs it when we can (root with apt-get, as on CI and fresh dev machines here); else says how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!canApt) {
  console.error(`The end-to-end tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium), or point HOLDFAST_CHROMIUM at a Chromium or Chrome binary.`);
  process.exit(1);
}
console.log('test: installing Debian chromium for the end-to-end tests (apt-get install -y chromium)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
  const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (result.status !== 0) {
    console.error(`test: apt-get ${args.join(' ')} failed; install chromium yourself and rerun npm test.`);
    process.exit(1);
  }
}
