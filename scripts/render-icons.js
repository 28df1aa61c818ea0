// Renders resources/icons/holdfast.svg to the PNG sizes the Electron window, tray and installers use.
// Run after changing the SVG: node scripts/render-icons.js (uses Debian's Chromium through Playwright).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const iconsDir = fileURLToPath(new URL('../resources/icons/', import.meta.url));
const svg = readFileSync(`${iconsDir}/holdfast.svg`, 'utf8');
const sizes = { 'holdfast-512.png': 512, 'holdfast-256.png': 256, 'holdfast-tray.png': 32 };

const browser = await chromium.launch({ executablePath: process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [file, size] of Object.entries(sizes)) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `${iconsDir}/${file}`, omitBackground: true });
  await page.close();
}
await browser.close();
