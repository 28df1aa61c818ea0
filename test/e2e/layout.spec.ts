// The incident view on a responder's screen, from a 13" laptop down to a small window: it fits the window
// (only the timeline and the panels scroll), a side tab shows its own panel and nothing else, the note
// field is always whole, and nothing is cut off or drawn over something else.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type ConsoleServer } from './consoleServer';
import { hostApi } from './hostApi';

const title = 'Checkout returns 502 for EU tenants after deploy 4812 of the payments gateway';
const sideTabs = ['Runbooks', 'Terminal', 'Update', 'Evidence', 'Actions', 'Post-mortem'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A SEV1 that went through every status to resolved, with roles, 30 notes and a long runbook under way. */
async function declareWorkedIncident(server: ConsoleServer) {
  const api = hostApi(server);
  const incident = await api.call('incidents.declare', {
    title,
    severity: 'SEV1',
    triggerId: 'INC-FLAG-OUTAGE',
    services: ['checkout', 'payments'],
    tenants: ['acme', 'globex'],
    commander: 'Priya Raman',
  });
  await api.call('incidents.setRoles', { incidentId: incident.id, roles: { commander: 'Priya Raman', communicationsLead: "Sam O'Neil", responders: ['alice', 'bob'] } });
  for (const status of ['acknowledged', 'investigating', 'mitigating', 'monitoring'] as const) await api.call('incidents.setStatus', { incidentId: incident.id, status });
  for (let index = 1; index <= 30; index++) await api.call('incidents.addNote', { incidentId: incident.id, text: `Observation ${index}: error rate ${30 + index}% on checkout-api` });
  await api.call('incidents.setStatus', { incidentId: incident.id, status: 'resolved' });
  await api.call('runs.start', { incidentId: incident.id, runbookId: 'inc-flag-outage', variables: {} });
  return incident;
}

async function openIncidentAt(page: Page, server: ConsoleServer, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(title) }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(timelineRows(page).first()).toBeVisible();
}

const timelineRows = (page: Page) => page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
const timelineScroller = (page: Page) => page.getByRole('region', { name: 'Timeline events, oldest first' });
const terminalRegion = (page: Page) => page.getByRole('region', { name: /^Terminals of INC-/ });
const openTab = (page: Page, tab: string) => page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${locator} has a box`).not.toBeNull();
  return box!;
}

const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The main area's scroll extent against its size: equal when the screen fits the window. */
const mainScroll = (page: Page) =>
  page.getByRole('main').evaluate((main) => ({ scrollHeight: main.scrollHeight, clientHeight: main.clientHeight, scrollWidth: main.scrollWidth, clientWidth: main.clientWidth }));

async function expectFitsWindow(page: Page, context: string) {
  const scroll = await mainScroll(page);
  expect(scroll.scrollHeight, `${context}: the main area does not scroll vertically`).toBeLessThanOrEqual(scroll.clientHeight);
  expect(scroll.scrollWidth, `${context}: the main area does not scroll sideways`).toBeLessThanOrEqual(scroll.clientWidth);
}

/** The note field and its button, whole and inside both the main area and the window. */
async function expectNoteBoxWhole(page: Page, context: string) {
  const viewport = page.viewportSize()!;
  const main = await boxOf(page.getByRole('main'));
  for (const control of [page.getByRole('textbox', { name: 'Add a note' }), page.getByRole('button', { name: 'Add note' })]) {
    const box = await boxOf(control);
    expect(within(box, main), `${context}: ${control} inside the main area`).toBe(true);
    expect(within(box, { x: 0, y: 0, ...viewport }), `${context}: ${control} inside the window`).toBe(true);
  }
}

async function fullyVisibleTimelineRows(page: Page): Promise<number> {
  const scroller = await boxOf(timelineScroller(page));
  let count = 0;
  for (const row of await timelineRows(page).all()) {
    const box = await row.boundingBox();
    if (box && within(box, scroller)) count++;
  }
  return count;
}

test('each side tab shows its own panel only: the terminal is not there unless its tab is chosen, and the timeline keeps its width', async ({ page, consoleServer }) => {
  await declareWorkedIncident(consoleServer);
  await openIncidentAt(page, consoleServer, 1400, 860);
  const timelineWidth = (await boxOf(timelineScroller(page))).width;

  for (const tab of sideTabs) {
    await openTab(page, tab);
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    if (tab === 'Terminal') {
      await expect(terminalRegion(page)).toBeVisible();
      await expect(page.getByText(/^No terminal for INC-/)).toBeVisible();
      continue;
    }
    await expect(terminalRegion(page), `the terminal on the ${tab} tab`).toBeHidden();
    await expect(page.getByText(/^No terminal for INC-/), `the terminal's empty box on the ${tab} tab`).toBeHidden();
    expect((await boxOf(timelineScroller(page))).width, `timeline width on the ${tab} tab`).toBe(timelineWidth);
  }
});

for (const [width, height] of [
  [1400, 860],
  [1024, 700],
  [800, 600],
] as const) {
  test(`at ${width}x${height} the incident fits the window: the page does not scroll, on any tab or under the wheel`, async ({ page, consoleServer }) => {
    await declareWorkedIncident(consoleServer);
    await openIncidentAt(page, consoleServer, width, height);
    for (const tab of sideTabs) {
      await openTab(page, tab);
      await expectFitsWindow(page, `${width}x${height}, ${tab} tab`);
      await expectNoteBoxWhole(page, `${width}x${height}, ${tab} tab`);
    }

    // The wheel over the incident's header moves nothing: there is nowhere for the page to go.
    await openTab(page, 'Runbooks');
    const heading = page.getByRole('heading', { level: 2, name: title });
    const before = await boxOf(heading);
    await page.mouse.move(before.x + 20, before.y + before.height / 2);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(200);
    expect(await page.getByRole('main').evaluate((main) => main.scrollTop)).toBe(0);
    expect(await boxOf(heading)).toEqual(before);
  });
}

test('at 1024x700 the header is compact: the timeline shows several rows, the note field is whole, the details are one click away', async ({ page, consoleServer }) => {
  await declareWorkedIncident(consoleServer);
  await openIncidentAt(page, consoleServer, 1024, 700);
  await expectNoteBoxWhole(page, '1024x700');
  expect(await fullyVisibleTimelineRows(page), 'timeline rows fully in view at 1024x700').toBeGreaterThanOrEqual(6);

  // The milestones, trigger and scope fold away on a short window, behind one button.
  const details = page.getByRole('button', { name: 'Details', exact: true });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('INC-FLAG-OUTAGE', { exact: true })).toBeHidden();
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('INC-FLAG-OUTAGE', { exact: true })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'checkout, payments, tenant acme, tenant globex' })).toBeVisible();
  await details.click();
  await expect(page.getByText('INC-FLAG-OUTAGE', { exact: true })).toBeHidden();
  // On a taller window they are always shown, and the button is not offered.
  await page.setViewportSize({ width: 1400, height: 860 });
  await expect(page.getByText('INC-FLAG-OUTAGE', { exact: true })).toBeVisible();
  await expect(details).toBeHidden();
});

test('at 800x600 nothing is cut off or overlaps: the phase bar ends in the window, "Jump to latest" stays in the timeline, the rail shows icons', async ({ page, consoleServer }) => {
  await declareWorkedIncident(consoleServer);
  await openIncidentAt(page, consoleServer, 800, 600);
  const viewport = { x: 0, y: 0, width: 800, height: 600 };

  // Every phase, the last (Resolved) included, is inside the phase bar and the window, its name whole.
  const phaseBar = await boxOf(page.getByRole('region', { name: 'Phases and deadlines' }));
  const phases = page.getByRole('list', { name: 'Time in each status' }).getByRole('listitem');
  await expect(phases).toHaveCount(6);
  await expect(phases.last()).toContainText('Resolved');
  for (const phase of await phases.all()) {
    const box = await boxOf(phase);
    expect(within(box, phaseBar) && within(box, viewport), `${await phase.textContent()} inside the phase bar`).toBe(true);
  }
  const lastName = phases.last().getByText('Resolved', { exact: true });
  expect(await lastName.evaluate((name) => name.scrollWidth <= name.clientWidth), 'the current phase name is not cut').toBe(true);

  // Reading further up offers the way back down, inside the timeline, clear of its heading.
  await timelineScroller(page).evaluate((scroller) => (scroller.scrollTop = 0));
  const jump = page.getByRole('button', { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  const jumpBox = await boxOf(jump);
  const headingBox = await boxOf(page.getByRole('heading', { level: 3, name: 'Timeline' }));
  expect(overlap(jumpBox, headingBox), '"Jump to latest" over the Timeline heading').toBe(false);
  expect(within(jumpBox, await boxOf(timelineScroller(page))), '"Jump to latest" inside the timeline').toBe(true);
  expect(await fullyVisibleTimelineRows(page), 'timeline rows fully in view at 800x600').toBeGreaterThanOrEqual(3);

  // The side tabs are whole, none scrolled out of sight.
  const tablist = page.getByRole('tablist', { name: 'Incident work' });
  const tablistBox = await boxOf(tablist);
  for (const tab of await tablist.getByRole('tab').all()) expect(within(await boxOf(tab), tablistBox), `${await tab.textContent()} tab whole`).toBe(true);

  // The rail keeps to icons on a narrow window; its buttons keep their names.
  expect((await boxOf(page.getByRole('navigation', { name: 'Main' }))).width).toBeLessThan(80);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Runbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeVisible();
});

test('at 1400x860 the side tabs and the terminal strip are whole, with no stray scrollbars', async ({ page, consoleServer }) => {
  await declareWorkedIncident(consoleServer);
  await openIncidentAt(page, consoleServer, 1400, 860);
  const tablist = page.getByRole('tablist', { name: 'Incident work' });
  const tablistBox = await boxOf(tablist);
  for (const tab of await tablist.getByRole('tab').all()) expect(within(await boxOf(tab), tablistBox), `${await tab.textContent()} tab whole`).toBe(true);
  const scrolls = (locator: Locator) => locator.evaluate((element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight);
  expect(await scrolls(tablist), 'the side tabs scroll').toBe(false);

  await openTab(page, 'Terminal');
  await page.getByRole('button', { name: 'New terminal' }).first().click();
  await expect(page.getByText('Recording commands')).toBeVisible({ timeout: 15_000 });
  const terminalBox = await boxOf(terminalRegion(page));
  const exportButton = page.getByRole('button', { name: 'Export recording (.cast)' });
  expect(within(await boxOf(exportButton), terminalBox), 'the export button inside the terminal').toBe(true);
  expect(await exportButton.evaluate((button) => button.scrollWidth <= button.clientWidth), 'the export button is not cut').toBe(true);
  expect(await scrolls(page.getByRole('tablist', { name: /^Terminals of INC-/ })), 'the terminal tabs scroll').toBe(false);

  // Back on another tab, the terminal is gone and the timeline has its width back.
  await openTab(page, 'Update');
  await expect(terminalRegion(page)).toBeHidden();
});
