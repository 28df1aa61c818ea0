// Settings persist through the host to settings.json, the theme follows the OS or the user, and the
// online/offline verdict follows a real team hub.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './consoleServer';

test('theme: follows the OS by default, and a chosen theme survives a reload', async ({ page, consoleServer }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(consoleServer.url);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(root).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'light');
  expect(JSON.parse(readFileSync(join(consoleServer.dataDir, 'settings.json'), 'utf8')).theme).toBe('light');
});

test('a bad hub URL is refused beside its field and nothing is saved; a good one is', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Priya Raman');
  await page.getByRole('textbox', { name: 'Team hub URL' }).fill('ftp://hub');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/^Team hub URL: /)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Team hub URL' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Team hub URL' }).fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Priya Raman');
});

test('online while the team hub answers, offline once it stops', async ({ page, consoleServer }) => {
  const hub = createServer((_request, response) => response.end('hub'));
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const hubUrl = `http://127.0.0.1:${(hub.address() as { port: number }).port}/`;

  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Team hub URL' }).fill(hubUrl);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const connectivity = page.getByRole('status', { name: 'Connectivity' });
  await expect(connectivity).toContainText('Online');
  await expect(connectivity).toContainText('Team hub reachable');

  hub.closeAllConnections();
  await new Promise<void>((resolve) => hub.close(() => resolve()));
  await page.getByRole('button', { name: 'Check connectivity now' }).click();
  await expect(connectivity).toContainText('Offline');
  await expect(connectivity).toContainText('Team hub unreachable');
});

test('the workspace severity scheme comes from the playbooks, with response times, and persists', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const levels = page.getByRole('list', { name: 'Severity levels and response times' });
  await expect(levels).toContainText('SEV0 Critical: Immediate (< 15 minutes)');
  await page.getByRole('combobox', { name: 'Severity scheme' }).selectOption({ label: 'Severity 1–4' });
  await expect(levels).toContainText('Severity 2 (High): 15 minutes');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('combobox', { name: 'Severity scheme' })).toHaveValue('severity-1-4');
  expect(JSON.parse(readFileSync(join(consoleServer.dataDir, 'settings.json'), 'utf8')).severityScheme).toBe('severity-1-4');
});

test('runbook folders are added in Settings, and their runbooks join the library', async ({ page, consoleServer }) => {
  const folder = join(consoleServer.dataDir, 'team-runbooks');
  mkdirSync(folder);
  writeFileSync(join(folder, 'restart-workers.yaml'), 'id: restart-workers\ntitle: Restart the queue workers\nsteps:\n  - order: 1\n    description: Restart them\n    command: systemctl restart workers\n');
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: /Folder path/ }).fill(folder);
  await page.getByRole('button', { name: /Add folder/ }).click();
  await expect(page.getByRole('list', { name: 'Runbook folders' })).toContainText('1 runbook');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Runbooks' }).click();
  await expect(page.getByRole('button', { name: /Restart the queue workers/ })).toBeVisible();
});
