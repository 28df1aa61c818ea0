// Working an incident safely at 3 a.m., against a real `holdfast serve`: deadlines stop once it is resolved,
// a status update and the header never disagree, risky changes take a deliberate second step, and what
// goes wrong is said in a sentence at the field that needs fixing. Found by role and label.
import type { Page } from '@playwright/test';
import type { Incident, IncidentStatus, ParamsOf, RunbookRun } from '../../electron/contract';
import { expect, test, type ConsoleServer } from './consoleServer';
import { hostApi, type HostApi } from './hostApi';

const openIncident = async (page: Page, title: string) => {
  await page.getByRole('table', { name: 'Incidents' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
};

const timelineOf = (page: Page) => page.getByRole('list', { name: 'Timeline' });
const statusMoves = (page: Page) => page.getByRole('group', { name: 'Change status' });
const phasesOf = (page: Page) => page.getByRole('region', { name: 'Phases and deadlines' });
const tabPanel = (page: Page, name: RegExp) => page.getByRole('tabpanel', { name });
/** Declares an incident through the host, lets `prepare` bring it where the test starts, then opens it in the console. */
async function openDeclared(page: Page, server: ConsoleServer, declare: ParamsOf<'incidents.declare'>, prepare: (api: HostApi, incident: Incident) => Promise<unknown> = async () => {}) {
  const api = hostApi(server);
  const incident = await api.call('incidents.declare', declare);
  await prepare(api, incident);
  await page.goto(server.url);
  await openIncident(page, declare.title);
  return { api, incident };
}

const moveTo = async (api: HostApi, incident: Incident, ...statuses: IncidentStatus[]) => {
  for (const status of statuses) await api.call('incidents.setStatus', { incidentId: incident.id, status });
};

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('a resolved incident owes no status update: nothing is overdue, whatever the last ETA was', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Checkout 502s for EU tenants', severity: 'SEV1' }, async (api, incident) => {
    await moveTo(api, incident, 'acknowledged', 'investigating');
    await api.call('incidents.postStatusUpdate', {
      incidentId: incident.id,
      fields: { status: 'investigating', impact: 'checkout', hypothesis: '', actionsCompleted: [], nextUpdateAt: inMinutes(15), evidenceRefs: [] },
    });
    await moveTo(api, incident, 'resolved');
    // The browser's clock runs 40 minutes ahead: well past the last update's ETA.
    await page.clock.install({ time: Date.now() + 40 * 60_000 });
  });

  const phases = phasesOf(page);
  await expect(phases).toContainText('Status updates: none due, the incident is resolved');
  await expect(phases).toContainText('Response target (60 min) met');
  await expect(phases).not.toContainText(/overdue/i);
  await page.getByRole('tab', { name: 'Update', exact: true }).click();
  const composer = tabPanel(page, /^Update$/);
  await expect(composer).toContainText('No further update is due: the incident is resolved.');
  await expect(composer).not.toContainText(/overdue/i);
  // The draft of a resolution update proposes no next ETA.
  await expect(composer.getByRole('combobox', { name: 'Status' })).toHaveValue('resolved');
  await expect(composer.getByLabel('Next update ETA (UTC)')).toHaveValue('');
  await expect(composer.getByRole('document', { name: 'Preview' })).toContainText('Next update ETA (UTC): none, the incident is resolved');
});

test('a status update with a later status moves the incident, says so first, and offers no earlier status', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Flag service returns flag_unavailable', severity: 'SEV1', services: ['checkout'] }, (api, incident) => moveTo(api, incident, 'acknowledged'));

  await page.getByRole('tab', { name: 'Update', exact: true }).click();
  const composer = tabPanel(page, /^Update$/);
  const status = composer.getByRole('combobox', { name: 'Status' });
  // Defaults to where the incident stands; offers it and what the lifecycle allows next.
  await expect(status).toHaveValue('acknowledged');
  await expect(status.getByRole('option')).toHaveText(['acknowledged', 'investigating', 'mitigating']);

  await status.selectOption('investigating');
  await expect(composer.getByText('Posting moves the incident from Acknowledged to Investigating.')).toBeVisible();
  await composer.getByLabel('Current hypothesis').fill('Flag service returns flag_unavailable; gate fails closed');
  await composer.getByRole('button', { name: 'Post status update' }).click();
  await expect(composer.getByText(/Posted to the timeline at \d\d:\d\d:\d\d UTC\. The incident is now Investigating\./)).toBeVisible();

  // The header, the phase bar and the timeline agree.
  const timeline = timelineOf(page);
  await expect(timeline.getByText('Status acknowledged → investigating (with a status update)')).toBeVisible();
  await expect(statusMoves(page).getByRole('button', { name: 'Move to investigating' })).toHaveCount(0);
  await expect(statusMoves(page).getByRole('button', { name: 'Move to monitoring' })).toBeVisible();
  await expect(phasesOf(page).getByRole('listitem').last()).toContainText('Investigating');
  await expect(phasesOf(page).getByRole('listitem').last()).toHaveAttribute('aria-current', 'step');
  // The next draft starts at the new status, and acknowledged is no longer offered.
  await expect(status).toHaveValue('investigating');
  await expect(status.getByRole('option')).toHaveText(['investigating', 'mitigating', 'monitoring', 'resolved']);
});

test('severity changes only when applied: arrow keys on the list change nothing', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Ledger double release', severity: 'SEV0' });
  const timeline = timelineOf(page);
  const severity = page.getByRole('combobox', { name: 'Severity' });

  await severity.focus();
  await page.keyboard.press('ArrowDown');
  const pending = page.getByRole('group', { name: 'Severity change not applied yet' });
  await expect(pending).toContainText('SEV0 → SEV1, not applied');
  // Nothing reached the host: the timeline has only the declaration, and the change can be dropped.
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(pending).toBeHidden();
  await expect(severity).toHaveValue('SEV0');

  await severity.selectOption('SEV2');
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await pending.getByRole('button', { name: 'Keep SEV0' }).click();
  await expect(severity).toHaveValue('SEV0');

  await severity.selectOption('SEV1');
  await pending.getByRole('button', { name: 'Apply SEV1' }).click();
  await expect(timeline.getByText('Severity SEV0 → SEV1')).toBeVisible();
  await expect(severity).toHaveValue('SEV1');
  await expect(pending).toBeHidden();
});

test('resolving with work still open asks first, with the counts; a resolution update asks too', async ({ page, consoleServer }) => {
  let run!: RunbookRun;
  const { incident } = await openDeclared(page, consoleServer, { title: 'Mass deny from flag outage', severity: 'SEV1', triggerId: 'INC-FLAG-OUTAGE' }, async (api, declared) => {
    await moveTo(api, declared, 'acknowledged', 'investigating');
    run = await api.call('runs.start', { incidentId: declared.id, runbookId: 'inc-flag-outage', variables: {} });
    for (const key of ['step:1', 'step:2']) await api.call('runs.setItem', { runId: run.id, key, state: 'done' });
    for (const title of ['Alert on flag service latency', 'Add a config sync step']) await api.call('incidents.addActionItem', { incidentId: declared.id, title, owner: '', due: null, priority: 'P2' });
    await api.call('terminals.open', { incidentId: declared.id, cols: 80, rows: 24 });
  });
  const stepCount = run.runbook.steps.length;

  await statusMoves(page).getByRole('button', { name: 'Move to resolved' }).click();
  const question = page.getByRole('dialog', { name: `Resolve ${incident.humanId} with work still open?` });
  await expect(question).toBeVisible();
  await expect(question.getByRole('listitem')).toHaveText([
    `${stepCount - 2} runbook steps are not done or skipped in “${run.runbook.title}”.`,
    '2 action items are still open.',
    '1 terminal is still running a shell (bash 1): a command may still be running there.',
  ]);
  // The safe answer has focus: Enter keeps working.
  await expect(question.getByRole('button', { name: 'Keep working' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(statusMoves(page).getByRole('button', { name: 'Move to resolved' })).toBeVisible();
  await expect(timelineOf(page).getByText('Status investigating → resolved')).toHaveCount(0);

  // A status update announcing "resolved" asks the same question.
  await page.getByRole('tab', { name: 'Update', exact: true }).click();
  const composer = tabPanel(page, /^Update$/);
  await composer.getByRole('combobox', { name: 'Status' }).selectOption('resolved');
  await expect(composer.getByLabel('Next update ETA (UTC)')).toHaveValue('');
  await composer.getByRole('button', { name: 'Post status update' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Resolve anyway' }).click();
  await expect(question).toBeHidden();
  await expect(timelineOf(page).getByText('Status investigating → resolved (with a status update)')).toBeVisible();
  await expect(statusMoves(page).getByRole('button', { name: 'Move to closed' })).toBeVisible();
});

test('with nothing open, Resolve resolves at once', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Slow admin pages', severity: 'SEV2' }, (api, incident) => moveTo(api, incident, 'acknowledged', 'investigating'));
  await statusMoves(page).getByRole('button', { name: 'Move to resolved' }).click();
  await expect(timelineOf(page).getByText('Status investigating → resolved')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a note over the limit is counted before, refused in a sentence, and the message goes when the text changes', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Tracking failures above threshold', severity: 'SEV2' });
  const note = page.getByRole('textbox', { name: 'Add a note' });
  const timeline = timelineOf(page);

  // Near the limit, a counter (tied to the field).
  await note.fill('x'.repeat(19_000));
  await expect(page.getByText('19,000 / 20,000 characters', { exact: true })).toBeVisible();

  const huge = 'Lorem ipsum dolor sit amet 0123456789 '.repeat(3_000).trim() + 'x'.repeat(2_001);
  const length = huge.length;
  await note.fill(huge);
  await expect(page.getByText(`${length.toLocaleString('en')} / 20,000 characters: ${(length - 20_000).toLocaleString('en')} too many`)).toBeVisible();
  await note.press('Enter');
  const refusal = page.getByRole('alert').filter({ hasText: 'Note not added' });
  await expect(refusal).toHaveText(`Note not added: Notes are limited to 20,000 characters; this one has ${length.toLocaleString('en')}. Attach long text as a file instead. Your text is kept.`);
  await expect(refusal).not.toContainText('Invalid params');
  await expect(note).toHaveValue(huge);
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  // Cleared: the message is about text that is gone, so it goes too, and stays gone across tabs.
  await note.fill('');
  await expect(refusal).toHaveCount(0);
  await page.getByRole('tab', { name: 'Update', exact: true }).click();
  await page.getByRole('tab', { name: /^Runbooks/ }).click();
  await expect(page.getByText(/Note not added/)).toHaveCount(0);

  // The way out: attach the long text as a file.
  await note.fill(huge);
  await note.press('Enter');
  await expect(refusal).toBeVisible();
  await page.getByRole('button', { name: 'Attach it as a file' }).click();
  await expect(page.getByText(/^Attached as evidence: note-\d{4}-\d\d-\d\d-\d{6}Z\.txt\.$/)).toBeVisible();
  await expect(note).toHaveValue('');
  await expect(timeline.getByText(/note-\d{4}-\d\d-\d\d-\d{6}Z\.txt · /)).toBeVisible();
});

test('declare: a field’s message goes once it is fixed, and a refused submit focuses the first field to fix', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  const titleField = dialog.getByLabel('Title');

  // Nothing filled in: focus goes to the title, the first field named.
  await page.getByRole('button', { name: 'Declare incident', exact: true }).last().click();
  await expect(dialog.getByText('Title must not be empty')).toBeVisible();
  await expect(titleField).toBeFocused();
  await titleField.pressSequentially('Checkout 502s');
  await expect(dialog.getByText('Title must not be empty')).toHaveCount(0);
  await expect(titleField).toHaveAttribute('aria-invalid', 'false');
  // Severity is still missing: its message stays until a level is chosen.
  await expect(dialog.getByText('Severity must not be empty')).toBeVisible();

  // Submitted again without a severity: focus goes to the severity choices.
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(dialog.getByText('Severity must not be empty')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'SEV0 Critical' })).toBeFocused();
  await dialog.getByRole('radio', { name: 'SEV1 High' }).check();
  await expect(dialog.getByText('Severity must not be empty')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Checkout 502s' })).toBeVisible();
});

test('action item due dates are ISO (UTC), and a past one is questioned before it is kept', async ({ page, consoleServer }) => {
  await openDeclared(page, consoleServer, { title: 'Disputes stuck in review', severity: 'SEV1' });
  await page.getByRole('tab', { name: /^Actions/ }).click();
  const actions = tabPanel(page, /^Actions/);
  const due = actions.getByRole('textbox', { name: 'Due date', exact: true });
  await expect(due).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  const today = new Date().toISOString().slice(0, 10);

  await actions.getByLabel('Action item', { exact: true }).fill('Alert on flag service latency');
  await due.fill('12/24/2030');
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(actions.getByText(/Due date must be a date written YYYY-MM-DD \(UTC\)/)).toBeVisible();
  await expect(due).toBeFocused();

  await due.fill('2020-01-01');
  await expect(actions.getByText(`⚠ 2020-01-01 is in the past (today is ${today} UTC).`)).toBeVisible();
  await actions.getByRole('button', { name: 'Add action item' }).click();
  const question = actions.getByRole('alert').filter({ hasText: 'Add the item with it anyway?' });
  await expect(question).toContainText(`The due date 2020-01-01 is in the past (today is ${today} UTC).`);
  await expect(question.getByRole('button', { name: 'Change the date' })).toBeFocused();
  await expect(actions.getByRole('heading', { name: 'No action items yet' })).toBeVisible();
  await question.getByRole('button', { name: 'Add with due date 2020-01-01' }).click();
  await expect(actions.getByRole('heading', { name: '1 open · 0 done' })).toBeVisible();
  await expect(actions.getByLabel('Due date of Alert on flag service latency')).toHaveValue('2020-01-01');
  await expect(actions.getByText('⚠ Overdue')).toBeVisible();

  // Edited in place: a past date asks again; Undo puts the old one back.
  const rowDue = actions.getByLabel('Due date of Alert on flag service latency');
  await rowDue.fill('2030-02-01');
  await rowDue.press('Enter');
  await expect(timelineOf(page).getByText(/Updated “Alert on flag service latency”: due 2030-02-01/)).toBeVisible();
  await rowDue.fill('2021-06-30');
  await rowDue.press('Enter');
  await expect(actions.getByRole('alert')).toContainText(`Due date 2021-06-30 is in the past (today is ${today} UTC).`);
  await actions.getByRole('button', { name: 'Undo the due date of Alert on flag service latency' }).click();
  await expect(rowDue).toHaveValue('2030-02-01');
});
