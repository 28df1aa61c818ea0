// Builds everything a user runs: the CLI and host (Node), the Electron shell (main + preload) and the renderer.
// esbuild bundles our TypeScript (npm packages stay external: they are installed beside it); Vite builds the UI.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');

const nodeTarget = { platform: 'node', target: 'node20', bundle: true, packages: 'external', sourcemap: true, logLevel: 'warning' };

async function main() {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  await Promise.all([
    esbuild({ ...nodeTarget, absWorkingDir: root, entryPoints: { cli: './electron/cli/bin.ts' }, outdir: 'dist', format: 'esm', outExtension: { '.js': '.js' } }),
    esbuild({ ...nodeTarget, absWorkingDir: root, entryPoints: { main: './electron/main.ts' }, outdir: 'dist/electron', format: 'esm', target: 'node22' }),
    // A sandboxed preload cannot load ES modules or npm packages at run time: bundle it whole, as CommonJS.
    esbuild({ ...nodeTarget, absWorkingDir: root, packages: undefined, external: ['electron'], entryPoints: { preload: './electron/preload.ts' }, outdir: 'dist/electron', format: 'cjs', outExtension: { '.js': '.cjs' }, target: 'chrome130' }),
    viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: quiet ? 'warn' : 'info' }),
  ]);
}

main().catch((error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
