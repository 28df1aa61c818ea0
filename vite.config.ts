import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  // The app icon is served as the favicon; resources/icons is its one source.
  publicDir: fileURLToPath(new URL('./resources/icons', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts anywhere (the CSP forbids them); assets stay files. Inline styles are allowed only
    // for xterm.js, which sizes its cells with style elements at run time (see contentSecurityPolicy.ts).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'chrome120',
  },
});
