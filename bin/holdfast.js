#!/usr/bin/env node
// The `holdfast` command. The CLI itself is TypeScript, built into dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('holdfast: not built yet. Run "npm run build" in the Holdfast folder, then try again.');
  process.exit(1);
}
await import(cli.href);
