// The console loads through the browser shell and can be driven by mouse and keyboard alone.
import { expect, test } from './consoleServer';

const screenNames = ['Incidents', 'Runbooks', 'Terminal', 'Drills', 'Settings'];

test('opens on the incident log, with the token swapped out of the address bar', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await expect(page.getByRole('status', { name: 'Connectivity' })).toContainText(/Online|Offline/);
  await expect(page.getByLabel('Current time, UTC')).toHaveText(/^\d\d:\d\d:\d\d UTC$/);
  await expect(page.getByText(consoleServer.dataDir)).toBeVisible();
});

test('every screen opens from the navigation rail', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of screenNames) {
    await nav.getByRole('button', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(nav.getByRole('button', { name })).toHaveAttribute('aria-current', 'page');
  }
});

test('keyboard only: arrow keys move along the rail, Enter opens, Alt+number jumps', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  // Tab past the skip link into the rail: focus lands on the current screen's item.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('button', { name: 'Incidents' })).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('button', { name: 'Terminal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Terminal' })).toBeVisible();

  await page.keyboard.press('End');
  await expect(nav.getByRole('button', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('button', { name: 'Incidents' })).toBeFocused();

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeFocused();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
});

test('when the host stops, the console says so instead of failing silently', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  expect(await consoleServer.stop()).toBe(0);
  await expect(page.getByRole('alert')).toContainText('Disconnected from the Holdfast host');
});
