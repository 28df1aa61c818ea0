// Start-up: from spawning `holdfast serve` to the console's first painted frame in Chromium (the
// renderer's holdfast:console-painted mark), against a bare node:http page doing the same trip.
import { chromium, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, median, type BenchPart } from '../benchTypes';
import { spawnHoldfastServe, spawnRawHttpPage, type Spawned } from '../processes';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

const rounds = 5;

async function launchToPaint(browser: Browser, spawned: Spawned, mark: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(spawned.url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
  const paintedAt = await page.evaluate((name) => performance.timeOrigin + performance.getEntriesByName(name)[0]!.startTime, mark);
  await context.close();
  return paintedAt - spawned.spawnedAt;
}

export const startupPart: BenchPart = {
  name: 'startup',
  async run() {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const ours: number[] = [];
    const raw: number[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-'));
        const serve = await spawnHoldfastServe(dataDir);
        ours.push(await launchToPaint(browser, serve, 'holdfast:console-painted'));
        await serve.stop();
        rmSync(dataDir, { recursive: true, force: true });

        const page = await spawnRawHttpPage();
        raw.push(await launchToPaint(browser, page, 'raw-painted'));
        await page.stop();
      }
    } finally {
      await browser.close();
    }
    return [figure('startup', `launch to first paint of the console (median of ${rounds}, fresh data dir)`, 'ms', median(ours), 'bare node:http page, launch to paint', median(raw))];
  },
};
