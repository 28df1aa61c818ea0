// Half-written text survives what a responder does at 3 a.m.: jumping to the terminal and back, switching
// side tabs, a refused send, reloading the window. It goes once it is on the record; closing with unsent
// text asks first.
import type { Page } from '@playwright/test';
import { expect, test } from './consoleServer';
import { hostApi } from './hostApi';

const openIncident = async (page: Page, title: string) => {
  await page.getByRole('table', { name: 'Incidents' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
};

/** Alt+3 to the Terminal screen and Alt+1 back to the incident. */
const visitTerminalAndBack = async (page: Page, title: string) => {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Terminal' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Add a note' })).toHaveCount(0);
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
};

const openCorrectionOf = (page: Page, noteText: string) =>
  page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: noteText }).getByRole('button', { name: /^Correct note at/ }).click();

const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name });
const panel = (page: Page, name: RegExp) => page.getByRole('tabpanel', { name });

test('unsent text survives screens, side tabs, a refused send and a reload; what is sent is cleared', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Checkout latency in eu-west';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV1', services: ['checkout'] });
  await api.call('incidents.setStatus', { incidentId: incident.id, status: 'investigating' });
  await api.call('incidents.addNote', { incidentId: incident.id, text: 'Deploy 4812 rolled out at 02:55' });
  await page.goto(consoleServer.url);
  await openIncident(page, title);

  const note = page.getByRole('textbox', { name: 'Add a note' });
  await note.fill('p99 at 4s on eu-west, half of the pods');
  await tab(page, /^Update$/).click();
  const impact = panel(page, /^Update$/).getByLabel('Impact');
  await expect(impact).toHaveValue('checkout');
  await impact.fill('EU shoppers wait 4 s at checkout');
  await tab(page, /^Actions/).click();
  await panel(page, /^Actions/).getByLabel('Action item', { exact: true }).fill('Alert on checkout p99');
  await tab(page, /^Post-mortem$/).click();
  await panel(page, /^Post-mortem$/).getByLabel('Summary').fill('Checkout slowed after deploy 4812.');
  // A correction, its dialog closed before it was added.
  await openCorrectionOf(page, 'Deploy 4812 rolled out');
  const correction = page.getByRole('dialog', { name: 'Correct a timeline entry' });
  await correction.getByLabel('Correction').fill('It was deploy 4813');
  await page.keyboard.press('Escape');
  await expect(correction).toBeHidden();

  await visitTerminalAndBack(page, title);
  await expect(note).toHaveValue('p99 at 4s on eu-west, half of the pods');
  await tab(page, /^Post-mortem$/).click();
  await expect(panel(page, /^Post-mortem$/).getByLabel('Summary')).toHaveValue('Checkout slowed after deploy 4812.');
  await expect(panel(page, /^Post-mortem$/).getByText('Unsaved changes')).toBeVisible();
  await tab(page, /^Actions/).click();
  await expect(panel(page, /^Actions/).getByLabel('Action item', { exact: true })).toHaveValue('Alert on checkout p99');
  await tab(page, /^Update$/).click();
  await expect(impact).toHaveValue('EU shoppers wait 4 s at checkout');
  // Side tabs: away to Evidence and back.
  await tab(page, /^Evidence/).click();
  await expect(impact).toBeHidden();
  await tab(page, /^Update$/).click();
  await expect(impact).toHaveValue('EU shoppers wait 4 s at checkout');
  await openCorrectionOf(page, 'Deploy 4812 rolled out');
  await expect(correction.getByLabel('Correction')).toHaveValue('It was deploy 4813');
  await correction.getByRole('button', { name: 'Add correction' }).click();
  await expect(correction).toBeHidden();

  // A send the host refuses keeps the text.
  const composer = panel(page, /^Update$/);
  await composer.getByLabel('Next update ETA (UTC)').fill('soon');
  await composer.getByRole('button', { name: 'Post status update' }).click();
  await expect(composer.getByLabel('Next update ETA (UTC)')).toHaveAttribute('aria-invalid', 'true');
  await visitTerminalAndBack(page, title);
  await tab(page, /^Update$/).click();
  await expect(impact).toHaveValue('EU shoppers wait 4 s at checkout');
  await expect(composer.getByLabel('Next update ETA (UTC)')).toHaveValue('soon');
  await composer.getByRole('button', { name: 'Next update in 30 minutes' }).click();

  // The note, once added, is no longer a draft.
  await note.press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('p99 at 4s on eu-west, half of the pods')).toBeVisible();
  await expect(note).toHaveValue('');
  await visitTerminalAndBack(page, title);
  await expect(note).toHaveValue('');

  // Reloading with unsent text asks first; the unsent status update is there after the reload.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await openIncident(page, title);
  await tab(page, /^Update$/).click();
  await expect(impact).toHaveValue('EU shoppers wait 4 s at checkout');
  await expect(note).toHaveValue('');
  await tab(page, /^Post-mortem$/).click();
  await expect(panel(page, /^Post-mortem$/).getByLabel('Summary')).toHaveValue('Checkout slowed after deploy 4812.');

  // Posted, saved and added: nothing is left unsent, and a reload no longer asks.
  await panel(page, /^Post-mortem$/).getByRole('button', { name: 'Save post-mortem' }).click();
  await expect(panel(page, /^Post-mortem$/).getByText(/Saved at/)).toBeVisible();
  await tab(page, /^Actions/).click();
  await panel(page, /^Actions/).getByRole('button', { name: 'Add action item' }).click();
  await expect(panel(page, /^Actions/).getByRole('checkbox', { name: 'Alert on checkout p99' })).toBeVisible();
  await expect(panel(page, /^Actions/).getByLabel('Action item', { exact: true })).toHaveValue('');
  await tab(page, /^Update$/).click();
  await composer.getByRole('button', { name: 'Post status update' }).click();
  await expect(composer.getByText(/Posted to the timeline at/)).toBeVisible();
  await expect(impact).toHaveValue('EU shoppers wait 4 s at checkout'); // the next prefill carries the last impact
  await page.reload();
  await expect(page.getByRole('table', { name: 'Incidents' })).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((name) => name.startsWith('holdfast.draft:')))).toEqual([]);
});
