// Host idle memory: RSS of `holdfast serve` with a console connected and nothing happening, against a
// bare Node process holding an idle HTTP server.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { figure, type BenchPart } from '../benchTypes';
import { residentMiB, spawnHoldfastServe, spawnRawHttpPage } from '../processes';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

const settleMs = 3000;

export const idleMemoryPart: BenchPart = {
  name: 'idle-memory',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-'));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const serve = await spawnHoldfastServe(dataDir);
    const raw = await spawnRawHttpPage();
    try {
      const page = await browser.newPage();
      await page.goto(serve.url);
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await sleep(settleMs);
      return [figure('idle-memory', 'host RSS, idle with one console connected', 'MiB', residentMiB(serve.child.pid!), 'bare node process with an idle HTTP server', residentMiB(raw.child.pid!))];
    } finally {
      await browser.close();
      await Promise.all([serve.stop(), raw.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
