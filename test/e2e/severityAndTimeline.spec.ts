// Severities from four playbooks side by side, and the timeline read by keyboard, against a real `holdfast
// serve`: each level its own readable colour, a playbook's level shown with what it is in the workspace's
// scheme, the severity filter grouped by scheme, runbook steps that say what changed first, and a timeline
// that is one Tab stop with its Correct… button readable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './consoleServer';
import { hostApi, inBatches } from './hostApi';

const timelineOf = (page: Page) => page.getByRole('list', { name: 'Timeline' });

const openIncident = async (page: Page, title: string) => {
  await page.getByRole('table', { name: 'Incidents' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
};

/**
 * What a reader sees of an element's text: its colour (with the opacity of it and its ancestors) over the
 * backgrounds behind it, composited, as sRGB 0–255; and the contrast ratio between the two (WCAG 2).
 */
async function seenColours(locator: Locator): Promise<{ text: number[]; background: number[]; contrast: number }> {
  return locator.evaluate((element) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): number[] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], bottom: number[]) => [0, 1, 2].map((channel) => top[channel]! * top[3]! + bottom[channel]! * (1 - top[3]!));
    const layers: number[][] = [];
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      opacity *= Number(style.opacity);
      const background = rgba(style.backgroundColor);
      if (background[3]! > 0) layers.push(background);
      if (background[3] === 1) break;
    }
    let background = [255, 255, 255];
    for (const layer of layers.reverse()) background = over(layer, background);
    const ink = rgba(getComputedStyle(element).color);
    const text = over([ink[0]!, ink[1]!, ink[2]!, ink[3]! * opacity], background);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((value) => {
        const channel = value / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
    return { text, background, contrast: (light! + 0.05) / (dark! + 0.05) };
  });
}

/** CIE76 colour difference: above ~20 two colours are told apart at a glance. */
function colourDifference(a: number[], b: number[]): number {
  const lab = (rgb: number[]) => {
    const [r, g, b2] = rgb.map((value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + b2 * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + b2 * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + b2 * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1! - l2!, a1! - a2!, b1! - b2!);
}

test('each severity level has its own colour, readable in both themes, with its tier said in words too', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const levels = ['SEV0', 'SEV1', 'SEV2', 'SEV3'];
  for (const severity of levels) await api.call('incidents.declare', { title: `Outage at ${severity}`, severity });

  for (const theme of ['light', 'dark'] as const) {
    await api.call('settings.update', { theme });
    await page.goto(consoleServer.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const list = page.getByRole('table', { name: 'Incidents' });
    const badges = levels.map((severity) => list.getByRole('row', { name: new RegExp(`Outage at ${severity}`) }).getByText(severity, { exact: true }));
    const seen = [];
    for (const badge of badges) seen.push(await seenColours(badge));
    for (let first = 0; first < seen.length; first++) {
      for (let second = first + 1; second < seen.length; second++) {
        expect(colourDifference(seen[first]!.text, seen[second]!.text), `${levels[first]} and ${levels[second]} told apart (${theme})`).toBeGreaterThan(20);
      }
    }
    for (const [index, colours] of seen.entries()) expect(colours.contrast, `${levels[index]} badge contrast (${theme})`).toBeGreaterThanOrEqual(4.5);
    // Colour is not the only sign: the level's tier is on the badge in words (its title) as well.
    for (const [index, tier] of ['critical', 'high', 'medium', 'low'].entries()) await expect(badges[index]!).toHaveAttribute('title', new RegExp(`\\(${tier}\\)`));
  }
});

test("the severity filter offers the workspace's levels first, then each other scheme under its own name", async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  await api.call('incidents.declare', { title: 'Ledger off by one', severity: 'SEV0' });
  await api.call('incidents.declare', { title: 'Payments API down', severity: 'P1', severityScheme: 'p1-p4' });
  await page.goto(consoleServer.url);

  const filter = page.getByRole('combobox', { name: 'Severity' });
  const layout = await filter.evaluate((select) =>
    [...select.children].map((child) => (child instanceof HTMLOptGroupElement ? { group: child.label, options: [...child.children].map((option) => option.textContent) } : child.textContent)),
  );
  expect(layout).toEqual([
    'All severities',
    'SEV0 · critical',
    'SEV1 · high',
    'SEV2 · medium',
    'SEV3 · low',
    { group: 'Other scheme: SEV-1/SEV-2 (release gates)', options: ['SEV-1 · critical', 'SEV-2 · high'] },
    { group: 'Other scheme: P1–P4', options: ['P1 · critical', 'P2 · high', 'P3 · medium', 'P4 · low'] },
    { group: 'Other scheme: Severity 1–4', options: ['Severity 1 · critical', 'Severity 2 · high', 'Severity 3 · medium', 'Severity 4 · low'] },
  ]);

  const list = page.getByRole('table', { name: 'Incidents' });
  await filter.selectOption({ label: 'P1 · critical' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Payments API down');
  // P1 and SEV0 are both critical: the same colour says so.
  await filter.selectOption('');
  const p1 = await seenColours(list.getByText('P1', { exact: true }));
  const sev0 = await seenColours(list.getByText('SEV0', { exact: true }));
  expect(colourDifference(p1.text, sev0.text)).toBeLessThan(1);
});

test("a known trigger's default is suggested as the workspace's level, saying which level of which scheme it came from", async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  const suggestions = await dialog.locator('datalist option').evaluateAll((options) => options.map((option) => option.textContent));
  expect(suggestions).toContain('Mass deny caused by marketplace_disabled or flag_unavailable (suggests SEV0; trigger matrix: SEV-1)');
  expect(suggestions.join('\n')).not.toMatch(/\(default SEV-/);

  await dialog.getByLabel('Trigger').fill('INC-FLAG-OUTAGE');
  await expect(dialog.getByRole('radio', { name: 'SEV0 Critical' })).toBeChecked();
  await expect(dialog).toContainText('Suggested severity SEV0 (selected): the trigger matrix says SEV-1, critical in SEV-1/SEV-2 (release gates), as SEV0 is here.');

  await dialog.getByLabel('Trigger').fill('INC-DENY-SPIKE');
  await dialog.getByRole('radio', { name: 'SEV2 Medium' }).check();
  await expect(dialog).toContainText('Suggested severity SEV1: the trigger matrix says SEV-2, high in SEV-1/SEV-2 (release gates), as SEV1 is here.');
  await dialog.getByRole('button', { name: 'Use SEV1' }).click();
  await expect(dialog.getByRole('radio', { name: 'SEV1 High' })).toBeChecked();
});

test("a runbook's severity reads once, with what it is in this workspace", async ({ page, consoleServer }) => {
  const folder = mkdtempSync(join(tmpdir(), 'holdfast-e2e-severity-'));
  try {
    writeFileSync(
      join(folder, 'outage.yaml'),
      `id: e2e-outage
title: Marketplace completely down
severity: Severity 1
triggers:
  - id: ALERT-E2E-SITE-DOWN
    severity: SEV-1
steps:
  - order: 1
    description: Open the war room.
`,
    );
    await hostApi(consoleServer).call('settings.update', { runbookFolders: [folder] });
    await page.goto(consoleServer.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Runbooks' }).click();
    const entry = page.getByRole('list', { name: 'Runbooks' }).getByRole('button', { name: /Marketplace completely down/ });
    await expect(entry.getByText('Severity 1', { exact: true })).toBeVisible();
    await entry.click();

    const view = page.getByRole('article', { name: 'Marketplace completely down' });
    await expect(view.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(view).not.toContainText('Severity Severity');
    await expect(view.getByText('Severity 1', { exact: true })).toBeVisible();
    await expect(view.getByText('(SEV0 in this workspace)')).toHaveCount(2);
    await expect(view.getByText('SEV-1', { exact: true })).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a runbook step on the timeline says what changed first, so a cut-off row still tells started from done', async ({ page, consoleServer }) => {
  const folder = mkdtempSync(join(tmpdir(), 'holdfast-e2e-steps-'));
  try {
    const stepTitle = 'Acknowledge the page in the paging tool, name an incident commander and open the incident channel for everyone involved';
    writeFileSync(join(folder, 'long.yaml'), `id: e2e-long-step\ntitle: Long step runbook\nsteps:\n  - order: 1\n    description: ${stepTitle}\n`);
    const api = hostApi(consoleServer);
    await api.call('settings.update', { runbookFolders: [folder] });
    const title = 'Checkout 502s in eu-west';
    const incident = await api.call('incidents.declare', { title, severity: 'SEV1' });
    await expect.poll(async () => (await api.call('runbooks.list', {})).runbooks.some((runbook) => runbook.id === 'e2e-long-step')).toBe(true);
    const run = await api.call('runs.start', { incidentId: incident.id, runbookId: 'e2e-long-step', variables: {} });
    await api.call('runs.setItem', { runId: run.id, key: 'step:1', state: 'running' });
    await api.call('runs.setItem', { runId: run.id, key: 'step:1', state: 'done' });

    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(consoleServer.url);
    await openIncident(page, title);
    const steps = timelineOf(page).getByRole('listitem').filter({ hasText: 'Runbook step' });
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0).getByText(/^Step 1 started: Acknowledge the page/)).toBeVisible();
    await expect(steps.nth(1).getByText(/^Step 1 done: Acknowledge the page/)).toBeVisible();
    // The line is cut off at the row's width, after the part that differs.
    const line = steps.nth(1).getByText(/^Step 1 done:/);
    expect(await line.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the timeline is one Tab stop: arrows move between entries, Tab reaches the entry’s Correct…, C corrects', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Webhook queue backs up';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV2' });
  for (let note = 1; note <= 20; note++) await api.call('incidents.addNote', { incidentId: incident.id, text: `Observation ${note}` });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const timeline = timelineOf(page);
  const entry = (text: string) => timeline.getByRole('listitem').filter({ hasText: text });
  await expect(entry('Observation 20')).toBeVisible();

  // From the toolbar: one stop on the newest entry, then its Correct…, then out to the note field.
  await page.getByRole('button', { name: 'Verify timeline' }).focus();
  await page.keyboard.press('Tab');
  await expect(entry('Observation 20')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(entry('Observation 20').getByRole('button', { name: /^Correct note at/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Add a note' })).toBeFocused();

  // Back in: arrows move, and the Tab stop moves with them.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(entry('Observation 20')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(entry('Observation 18')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(entry('Observation 18').getByRole('button', { name: /^Correct note at/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(entry('Observation 18')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(entry('Declared SEV2')).toBeFocused();
  await expect(entry('Declared SEV2')).toBeInViewport();
  await page.keyboard.press('End');
  await expect(entry('Observation 20')).toBeFocused();
  await page.keyboard.press('ArrowUp');

  // Leaving and coming back lands on the entry last chosen.
  await page.getByRole('button', { name: 'Verify timeline' }).focus();
  await page.keyboard.press('Tab');
  await expect(entry('Observation 19')).toBeFocused();

  // C corrects the focused entry; Esc closes the dialog and gives the entry its focus back.
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Correct a timeline entry' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Observation 19');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(entry('Observation 19')).toBeFocused();
});

test('an entry scrolled out of the window while focused hands focus on to an entry in view, never to the page', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Replica lag storm';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV1' });
  await inBatches(80, 10, (index) => api.call('incidents.addNote', { incidentId: incident.id, text: `Lag reading ${index + 1}` }));
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const timeline = timelineOf(page);
  await expect(timeline.getByRole('listitem').last()).toContainText(/Lag reading \d+/);

  await page.getByRole('button', { name: 'Verify timeline' }).focus();
  await page.keyboard.press('Tab');
  await expect(timeline.getByRole('listitem').last()).toBeFocused();
  // The wheel takes the reader to the top: the focused entry leaves the page.
  await page.getByRole('region', { name: 'Timeline events, oldest first' }).evaluate((scroller) => (scroller.scrollTop = 0));
  const declared = timeline.getByRole('listitem').filter({ hasText: `Declared SEV1: ${title}` });
  await expect(declared).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Lag reading' }).first()).toBeFocused();
});

test('Correct… is readable on every entry, not only the one under the pointer', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Search results stale';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV3' });
  await api.call('incidents.addNote', { incidentId: incident.id, text: 'Index lag at 40 minutes' });
  for (const theme of ['light', 'dark'] as const) {
    await api.call('settings.update', { theme });
    await page.goto(consoleServer.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openIncident(page, title);
    const correct = timelineOf(page).getByRole('listitem').filter({ hasText: 'Declared SEV3' }).getByRole('button', { name: /^Correct declared at/ });
    await expect(correct).toBeVisible();
    expect((await seenColours(correct)).contrast, `Correct… contrast (${theme})`).toBeGreaterThanOrEqual(4.5);
  }
});
