// The incident screens against a real `holdfast serve`: declaring, working and recording an incident the
// way a responder does at 3 a.m., found by role and label like a screen reader would.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './consoleServer';
import { hostApi, inBatches } from './hostApi';

const openIncident = async (page: Page, title: string) => {
  await page.getByRole('table', { name: 'Incidents' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
};

const timelineOf = (page: Page) => page.getByRole('list', { name: 'Timeline' });
const statusMoves = (page: Page) => page.getByRole('group', { name: 'Change status' });
const tabPanel = (page: Page, name: RegExp) => page.getByRole('tabpanel', { name });

test('declare through the form, note, move through the lifecycle and verify the timeline', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  const declareButton = page.getByRole('button', { name: 'Declare incident', exact: true });

  // Esc closes the dialog and gives focus back to the button that opened it.
  await declareButton.click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(declareButton).toBeFocused();

  // An empty title: the host's message appears beside the field.
  await declareButton.click();
  await dialog.getByRole('radio', { name: 'SEV1 High' }).check();
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(dialog.getByText('Title must not be empty')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Title').fill('Checkout returns 502 for EU tenants');
  await dialog.getByLabel('Affected services').fill('checkout, payments');
  await dialog.getByLabel('Affected tenants').fill('acme');
  await dialog.getByLabel('Incident commander').fill('Priya Raman');
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(dialog).toBeHidden();

  // The new incident opens at once.
  const title = 'Checkout returns 502 for EU tenants';
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText(/^INC-\d{4}-\d{4}-[0-9A-Z]{3}$/)).toBeVisible();

  // It is in the list.
  await page.getByRole('button', { name: 'All incidents' }).click();
  const list = page.getByRole('table', { name: 'Incidents' });
  await expect(list.getByRole('row', { name: new RegExp(title) })).toContainText('SEV1');
  await expect(list.getByRole('row', { name: new RegExp(title) })).toContainText('Detected');
  await openIncident(page, title);

  // Quick note: Enter adds it, the field clears and keeps focus.
  const note = page.getByRole('textbox', { name: 'Add a note' });
  await note.fill('Rollback of deploy 4812 started on eu-west');
  await note.press('Enter');
  const timeline = timelineOf(page);
  await expect(timeline.getByText('Rollback of deploy 4812 started on eu-west')).toBeVisible();
  await expect(note).toHaveValue('');
  await expect(note).toBeFocused();
  // Shift+Enter is a new line, not a send.
  await note.type('first line');
  await note.press('Shift+Enter');
  await note.type('second line');
  await expect(note).toHaveValue('first line\nsecond line');
  await note.press('Enter');
  await expect(timeline.getByText(/first line\s+second line/)).toBeVisible();

  // Only the lifecycle's next steps are offered.
  const moves = statusMoves(page);
  await expect(moves.getByRole('button', { name: 'Move to acknowledged' })).toBeVisible();
  await expect(moves.getByRole('button', { name: 'Move to mitigating' })).toHaveCount(0);
  await expect(moves.getByRole('button', { name: 'Move to resolved' })).toHaveCount(0);
  await moves.getByRole('button', { name: 'Move to acknowledged' }).click();
  await expect(timeline.getByText('Status detected → acknowledged')).toBeVisible();
  await expect(moves.getByRole('button', { name: 'Move to acknowledged' })).toHaveCount(0);

  await moves.getByRole('button', { name: 'Move to investigating' }).click();
  await expect(timeline.getByText('Status acknowledged → investigating')).toBeVisible();
  await expect(moves.getByRole('button', { name: 'Move to investigating' })).toHaveCount(0);
  await expect(moves.getByRole('button', { name: 'Move to acknowledged' })).toHaveCount(0);
  await expect(moves.getByRole('button', { name: 'Move to mitigating' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Phases and deadlines' })).toContainText('Response target (60 min) met');

  // A correction is a new event, linked to the one it corrects.
  await timeline
    .getByRole('listitem')
    .filter({ hasText: 'Rollback of deploy 4812' })
    .getByRole('button', { name: /^Correct note at/ })
    .click();
  const correction = page.getByRole('dialog', { name: 'Correct a timeline entry' });
  await correction.getByLabel('Correction').fill('It was deploy 4813, not 4812');
  await correction.getByRole('button', { name: 'Add correction' }).click();
  await expect(correction).toBeHidden();
  const correctionRow = timeline.getByRole('listitem').filter({ has: page.getByRole('button', { name: /Corrects note at/ }) });
  await expect(correctionRow).toContainText('Correction');
  await expect(correctionRow).toContainText('It was deploy 4813, not 4812');
  // The original stays, marked as corrected.
  const originalRow = timeline.getByRole('listitem').filter({ hasText: 'Rollback of deploy 4812 started on eu-west' });
  await expect(originalRow.getByRole('button', { name: /Corrected at .*It was deploy 4813/ })).toBeVisible();

  await page.getByRole('button', { name: 'Verify timeline' }).click();
  await expect(page.getByText('Hash chain intact (6 events)')).toBeVisible();
});

test('status update from the prefilled composer, evidence from the file picker, action items', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Payments webhook backlog';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV0', services: ['payments'], tenants: ['globex'] });
  await api.call('incidents.setStatus', { incidentId: incident.id, status: 'investigating' });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const timeline = timelineOf(page);

  // Status update: prefilled by the host, previewed live, posted to the timeline.
  await page.getByRole('tab', { name: 'Update', exact: true }).click();
  const composer = tabPanel(page, /^Update$/);
  await expect(composer.getByLabel('Impact')).toHaveValue('payments, tenant globex');
  await expect(composer.getByRole('combobox', { name: 'Status' })).toHaveValue('investigating');
  await expect(composer.getByLabel('Next update ETA (UTC)')).toHaveValue(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  await expect(composer).toContainText('No status update posted yet');
  await composer.getByLabel('Current hypothesis').fill('Queue consumer stuck after failover');
  await composer.getByLabel('Actions completed').fill('Restarted consumer\nPaused retries');
  const preview = composer.getByRole('document', { name: 'Preview' });
  await expect(preview).toContainText(`[INCIDENT UPDATE] ${incident.humanId}`);
  await expect(preview).toContainText('Current hypothesis: Queue consumer stuck after failover');
  await expect(preview).toContainText('Actions completed: Restarted consumer, Paused retries');
  await composer.getByRole('button', { name: 'Post status update' }).click();
  await expect(composer.getByText(/Posted to the timeline at/)).toBeVisible();
  const updateRow = timeline.getByRole('listitem').filter({ hasText: 'Status update' }).last();
  await expect(updateRow).toContainText('Investigating · Impact: payments, tenant globex');
  await updateRow.getByRole('button', { name: 'Show full update' }).click();
  await expect(updateRow).toContainText('Current hypothesis: Queue consumer stuck after failover');
  await expect(updateRow).toContainText(`[INCIDENT UPDATE] ${incident.humanId}`);
  await expect(composer).toContainText(/Last update posted \d\d:\d\d UTC\. Next update due \d\d:\d\d UTC/);

  // Evidence through the file picker.
  await page.getByRole('tab', { name: /^Evidence/ }).click();
  const evidencePanel = tabPanel(page, /^Evidence/);
  const content = Buffer.from('2026-01-01T03:00:00Z consumer lag 48211\n2026-01-01T03:01:00Z consumer lag 51002\n');
  const sha = createHash('sha256').update(content).digest('hex');
  await evidencePanel.getByLabel('Attach evidence').setInputFiles({ name: 'consumer-lag.log', mimeType: 'text/plain', buffer: content });
  const evidence = evidencePanel.getByRole('table', { name: 'Files' });
  await expect(evidence.getByRole('row', { name: /consumer-lag\.log/ })).toContainText(sha.slice(0, 12));
  await expect(evidence.getByRole('row', { name: /consumer-lag\.log/ })).toContainText(`${content.length} B`);
  await expect(evidence.getByRole('row', { name: /consumer-lag\.log/ })).toContainText('text/plain');
  await expect(timeline.getByText(`consumer-lag.log · ${content.length} B · sha256 ${sha.slice(0, 12)}`)).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Evidence/ })).toContainText('1');

  // Action items: add, then mark done.
  await page.getByRole('tab', { name: /^Actions/ }).click();
  const actions = tabPanel(page, /^Actions/);
  await actions.getByLabel('Action item', { exact: true }).fill('Alert on webhook queue depth');
  await actions.getByLabel('Owner', { exact: true }).fill('Sam Okafor');
  await actions.getByLabel('Due date', { exact: true }).fill('2030-02-01');
  await actions.getByLabel('Priority').selectOption('P1');
  await actions.getByRole('button', { name: 'Add action item' }).click();
  const item = actions.getByRole('checkbox', { name: 'Alert on webhook queue depth' });
  await expect(item).not.toBeChecked();
  await expect(actions.getByLabel('Owner of Alert on webhook queue depth')).toHaveValue('Sam Okafor');
  await expect(actions.getByLabel('Due date of Alert on webhook queue depth')).toHaveValue('2030-02-01');
  await expect(actions.getByRole('heading', { name: '1 open · 0 done' })).toBeVisible();
  await item.check();
  await expect(actions.getByRole('heading', { name: '0 open · 1 done' })).toBeVisible();
  await expect(item).toBeChecked();
  await expect(timeline.getByText('Done: “Alert on webhook queue depth”')).toBeVisible();

  // Owner edited in place.
  await actions.getByLabel('Owner of Alert on webhook queue depth').fill('Lee Chen');
  await actions.getByLabel('Owner of Alert on webhook queue depth').press('Enter');
  await expect(timeline.getByText('Updated “Alert on webhook queue depth”: owner Lee Chen')).toBeVisible();
});

test('the post-mortem survives a reload; search finds the incident by a word of a note', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Ledger mismatch on payouts';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV0' });
  await api.call('incidents.declare', { title: 'Slow admin dashboard', severity: 'SEV2', drill: true });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  await page.getByRole('textbox', { name: 'Add a note' }).fill('Reconciliation job shows a quokka-shaped gap in batch 77');
  await page.getByRole('textbox', { name: 'Add a note' }).press('Enter');
  await expect(timelineOf(page).getByText(/quokka-shaped gap/)).toBeVisible();

  await page.getByRole('tab', { name: 'Post-mortem' }).click();
  const editor = tabPanel(page, /^Post-mortem$/);
  await expect(editor.getByText('All changes saved')).toBeVisible();
  await editor.getByLabel('Summary').fill('Payouts were computed twice for batch 77.');
  await editor.getByLabel('Root cause').fill('A retry without an idempotency key.');
  await editor.getByLabel('Why 1').fill('Why were payouts doubled? The job ran twice.');
  await editor.getByLabel('Why 5').fill('Why no key? The client library dropped it.');
  await editor.getByLabel('Lessons').fill('Idempotency keys are part of the contract.');
  await expect(editor.getByText('Unsaved changes')).toBeVisible();
  await editor.getByRole('button', { name: 'Save post-mortem' }).click();
  await expect(editor.getByText(/Saved at \d\d:\d\d:\d\d UTC/)).toBeVisible();
  await expect(timelineOf(page).getByText(/Post-mortem saved: summary, root cause, 5 whys, lessons changed/)).toBeVisible();

  await page.reload();
  await openIncident(page, title);
  await page.getByRole('tab', { name: 'Post-mortem' }).click();
  await expect(editor.getByLabel('Summary')).toHaveValue('Payouts were computed twice for batch 77.');
  await expect(editor.getByLabel('Root cause')).toHaveValue('A retry without an idempotency key.');
  await expect(editor.getByLabel('Why 1')).toHaveValue('Why were payouts doubled? The job ran twice.');
  await expect(editor.getByLabel('Why 5')).toHaveValue('Why no key? The client library dropped it.');
  await expect(editor.getByLabel('Lessons')).toHaveValue('Idempotency keys are part of the contract.');
  await expect(editor.getByText('All changes saved')).toBeVisible();

  // Search: a word that is only in the note.
  await page.getByRole('button', { name: 'All incidents' }).click();
  const list = page.getByRole('table', { name: 'Incidents' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search' }).fill('quokka');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row', { name: new RegExp(title) })).toContainText(incident.humanId);
  await expect(list.getByRole('row', { name: new RegExp(title) }).locator('mark')).toHaveText('quokka');
  await page.getByRole('searchbox', { name: 'Search' }).fill('nothingmatchesthis');
  await expect(page.getByText('No incidents match “nothingmatchesthis”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');

  // Filters: by status and by severity.
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('SEV2');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Slow admin dashboard');
  await expect(list).toContainText('Drill');
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('closed');
  await expect(page.getByText('No incidents match these filters.')).toBeVisible();
});

test('exports write files and say where', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Flag service returns 503';
  await api.call('incidents.declare', { title, severity: 'SEV1' });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exports = page.getByRole('region', { name: /^Exports of INC-/ });
  await exports.getByRole('button', { name: 'Export incident log' }).click();
  await expect(exports.getByText(/Written to/)).toContainText(consoleServer.dataDir);
  await exports.getByRole('button', { name: 'Export post-mortem' }).click();
  await expect(exports.getByText(/Written to/)).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(exports).toBeHidden();
});

test('a 10,000-event timeline renders only a window of rows and scrolls to the last note', async ({ page, consoleServer }) => {
  test.setTimeout(240_000);
  const api = hostApi(consoleServer);
  const title = 'Noisy alert storm';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV2' });
  await inBatches(10_000, 50, (index) => api.call('incidents.addNote', { incidentId: incident.id, text: `Observation ${index + 1} of 10000` }));

  await page.goto(consoleServer.url);
  await openIncident(page, title);
  await expect(page.getByText('10,001 events', { exact: true })).toBeVisible({ timeout: 60_000 });
  const timeline = timelineOf(page);
  const rows = timeline.getByRole('listitem');
  const scroller = page.getByRole('region', { name: 'Timeline events, oldest first' });

  // Opens at the newest entry, with only a window of rows in the page.
  await expect(timeline.getByText('Observation 10000 of 10000', { exact: true })).toBeInViewport();
  expect(await rows.count()).toBeLessThan(150);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '10001');

  // The oldest entry is at the top; the newest is no longer rendered.
  await scroller.focus();
  await page.keyboard.press('Home');
  await expect(timeline.getByText(`Declared SEV2: ${title}`)).toBeInViewport();
  await expect(timeline.getByText('Observation 10000 of 10000', { exact: true })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(150);

  // Somewhere in the middle.
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  const rowsInView = () =>
    scroller.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll('li')].filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom;
      }).map((row) => row.textContent ?? '');
    });
  await expect.poll(async () => (await rowsInView()).some((text) => /Observation [45]\d{3} of 10000/.test(text))).toBe(true);
  expect(await rows.count()).toBeLessThan(150);

  // Scrolling to the end shows the last note.
  await page.keyboard.press('End');
  await expect(timeline.getByText('Observation 10000 of 10000', { exact: true })).toBeInViewport();
  expect(await rows.count()).toBeLessThan(150);

  // Live: a new note appears at the bottom while following.
  await api.call('incidents.addNote', { incidentId: incident.id, text: 'Storm subsiding' });
  await expect(timeline.getByText('Storm subsiding')).toBeInViewport();
  await expect(page.getByText('10,002 events', { exact: true })).toBeVisible();
});

test('overdue response and status update are said in words, not only colour', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Double release of escrow funds';
  await api.call('incidents.declare', { title, severity: 'SEV0' });
  // The browser's clock runs 20 minutes ahead: past SEV0's 15-minute response and the 10-minute first update.
  await page.clock.install({ time: Date.now() + 20 * 60_000 });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const phases = page.getByRole('region', { name: 'Phases and deadlines' });
  await expect(phases).toContainText(/Response overdue by \d+m \d\ds: acknowledge now/);
  await expect(phases).toContainText(/Status update overdue by \d+m \d\ds/);
  await expect(phases.getByRole('listitem')).toHaveCount(1);
  await expect(phases.getByRole('listitem').first()).toContainText(/Detected\s*20m \d\ds · over target/);

  // (The host acknowledges on its own, real clock, so the response itself was in time.)
  await statusMoves(page).getByRole('button', { name: 'Move to acknowledged' }).click();
  await expect(phases.getByRole('listitem')).toHaveCount(2);
  await expect(phases).toContainText('Response target (15 min) met');
  await expect(phases.getByRole('listitem').last()).toHaveAttribute('aria-current', 'step');
});

test('no unnamed controls in the incident view', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Tracking failures above threshold';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV2', triggerId: 'INC-TRACKING-PAYMENT-PATTERN' });
  await api.call('incidents.addActionItem', { incidentId: incident.id, title: 'Add a tracking canary', owner: '', due: null, priority: 'P2' });
  await api.call('evidence.add', { incidentId: incident.id, name: 'errors.txt', contentBase64: Buffer.from('boom').toString('base64') });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const cdp = await page.context().newCDPSession(page);
  const controlRoles = new Set(['button', 'textbox', 'radio', 'checkbox', 'link', 'combobox', 'searchbox', 'slider', 'switch', 'tab', 'menuitem']);
  for (const tab of ['Update', 'Evidence', 'Actions', 'Post-mortem']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
    const controls = nodes.filter((node) => !node.ignored && controlRoles.has(String(node.role?.value)));
    expect(controls.length, `controls with the ${tab} tab open`).toBeGreaterThan(10);
    const unnamed = controls.filter((node) => !String(node.name?.value ?? '').trim());
    expect(unnamed.map((node) => node.role?.value), `unnamed controls with the ${tab} tab open`).toEqual([]);
  }
});

test('files dropped on the incident become evidence; over the limit, the host says why; a refused note keeps its text', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Disputes stuck in review';
  await api.call('settings.update', { maxAttachmentMiB: 1 });
  await api.call('incidents.declare', { title, severity: 'SEV1' });
  await page.goto(consoleServer.url);
  await openIncident(page, title);

  const view = page.getByRole('article', { name: title });
  // A drag carrying one file, built in the page (the test runner has no DataTransfer of its own).
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['dispute 4411 stuck since 02:10\\n'], 'disputes.txt', { type: 'text/plain' }));
    return transfer;
  })()`);
  await view.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop to attach as evidence')).toBeVisible();
  await view.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Drop to attach as evidence')).toBeHidden();
  const evidencePanel = tabPanel(page, /^Evidence/);
  await expect(evidencePanel.getByRole('table', { name: 'Files' })).toContainText('disputes.txt');

  await evidencePanel.getByLabel('Attach evidence').setInputFiles({ name: 'heap.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1536 * 1024, 7) });
  await expect(evidencePanel.getByRole('alert')).toContainText('Not attached: Attachment is larger than the limit of 1.0 MiB');
  await expect(evidencePanel.getByRole('table', { name: 'Files' })).not.toContainText('heap.bin');

  const note = page.getByRole('textbox', { name: 'Add a note' });
  const tooLong = 'x'.repeat(20_001);
  await note.fill(tooLong);
  await note.press('Enter');
  await expect(page.getByText(/^Note not added: .*Your text is kept\.$/)).toBeVisible();
  await expect(note).toHaveValue(tooLong);
});

test('roles and severity are edited in place and recorded on the timeline', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'Timers not visible to admins';
  await api.call('incidents.declare', { title, severity: 'SEV2', commander: 'Priya Raman' });
  await page.goto(consoleServer.url);
  await openIncident(page, title);
  const timeline = timelineOf(page);

  await page.getByRole('button', { name: 'Edit roles' }).click();
  const roles = page.getByRole('dialog', { name: 'Incident roles' });
  await expect(roles.getByLabel('Incident commander')).toHaveValue('Priya Raman');
  await roles.getByLabel('Communications lead').fill('Alex Moreau');
  await roles.getByLabel('Responders').fill('Sam Okafor, Lee Chen');
  await roles.getByRole('button', { name: 'Save roles' }).click();
  await expect(roles).toBeHidden();
  await expect(page.getByRole('group', { name: 'Roles' })).toContainText('Alex Moreau');
  await expect(page.getByRole('group', { name: 'Roles' })).toContainText('Sam Okafor, Lee Chen');
  await expect(timeline.getByText('Comms lead nobody → Alex Moreau · Responders: Sam Okafor, Lee Chen')).toBeVisible();

  await page.getByRole('combobox', { name: 'Severity' }).selectOption('SEV1');
  await page.getByRole('button', { name: 'Apply SEV1' }).click();
  await expect(timeline.getByText('Severity SEV2 → SEV1')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveValue('SEV1');
});

test('a known trigger suggests its default severity when the workspace scheme has it', async ({ page, consoleServer }) => {
  await hostApi(consoleServer).call('settings.update', { severityScheme: 'sev-1-2' });
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  await expect(dialog).toContainText('Acknowledge and assign an incident commander within 5 minutes');
  await dialog.getByLabel('Trigger').fill('INC-FLAG-OUTAGE');
  await expect(dialog.getByRole('radio', { name: 'SEV-1' })).toBeChecked();
  await expect(dialog).toContainText('Suggested severity SEV-1 (selected)');
  await dialog.getByLabel('Title').fill('Mass deny from flag outage');
  await dialog.getByLabel('This is a drill').check();
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Mass deny from flag outage' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Mass deny from flag outage' })).toContainText('INC-FLAG-OUTAGE');
  await expect(page.getByRole('article', { name: 'Mass deny from flag outage' }).getByText('Drill', { exact: true })).toBeVisible();
});
