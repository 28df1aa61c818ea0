// The Runbooks screen against a real `holdfast serve`: a folder of the user's own runbooks added through the
// UI, searched by trigger ID and tag, a runbook opened with its steps and commands, and a broken file listed
// with its path:line:col while the good runbook still loads. Independent of the shipped library's contents.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './consoleServer';
import { hostApi } from './hostApi';

const goodRunbook = `id: e2e-cache-purge
title: Purge the edge cache for one tenant
scenario: Stale pages are served to one tenant after a deploy.
severity: SEV-2
tags: [cache, e2e-fixture]
triggers:
  - id: ALERT-E2E-STALE-CACHE
    severity: SEV-2
    threshold: Content age over 30 minutes for 10 minutes
variables:
  - name: TENANT
    description: Tenant slug
  - name: API_TOKEN
    description: Edge API token
    secret: true
steps:
  - order: 1
    description: Count the tenant's cached objects.
    command: edge-cli objects count --tenant $TENANT
    expectedOutcome: A count above zero.
    requires: [network]
    offlineAlternative: Ask the edge on-call to read the count from their dashboard.
  - order: 2
    description: Purge the tenant's cache.
    command: 'curl -X POST -H "Authorization: Bearer $API_TOKEN" https://edge.example.internal/purge/$TENANT'
    expectedOutcome: HTTP 202 with a purge ID.
    rollbackProcedure: Warm the cache again.
    rollbackCommand: edge-cli warm --tenant $TENANT
    confirm:
      target: edge-prod
      warning: Every request for this tenant goes to the origin until the cache is warm.
verification:
  - description: Fresh content is served.
    expected: Age below 60 seconds.
exitCriteria:
  - Content age below 5 minutes for 15 minutes.
escalation:
  - level: 1
    role: Edge on-call
    timeLimitMinutes: 15
contacts:
  - role: Edge on-call
    phone: "+1-555-0100"
    slack: "#edge-oncall"
`;

// Line 5 opens a flow sequence that never closes: a YAML syntax error with a position.
const brokenRunbook = `id: e2e-broken
title: Broken
steps:
  - order: 1
    description: [unclosed
`;

let folder: string;

/** What the page put on the clipboard (the test's browser context is granted clipboard access). */
const clipboardText = (page: Page) => page.evaluate('navigator.clipboard.readText()') as Promise<string>;

test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'holdfast-e2e-runbooks-'));
  writeFileSync(join(folder, 'cache-purge.yaml'), goodRunbook);
  writeFileSync(join(folder, 'broken.yaml'), brokenRunbook);
});

test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function addFolderThroughTheUi(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Runbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Folder path' }).fill(path);
  await page.getByRole('button', { name: 'Add folder' }).click();
  await expect(page.getByRole('list', { name: 'Runbook folders' }).getByText(path)).toBeVisible();
}

test('a folder added in the UI is searchable by trigger ID; a runbook opens with its steps and commands', async ({ page, consoleServer, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleServer.origin });
  await page.goto(consoleServer.url);
  await addFolderThroughTheUi(page, folder);

  const search = page.getByRole('searchbox', { name: 'Search runbooks' });
  const results = page.getByRole('list', { name: 'Runbooks' });
  await search.fill('ALERT-E2E-STALE-CACHE');
  await expect(results.getByRole('button')).toHaveCount(1);
  const entry = results.getByRole('button', { name: /Purge the edge cache for one tenant/ });
  await expect(entry).toContainText('Your folder');
  await entry.click();

  const view = page.getByRole('article', { name: 'Purge the edge cache for one tenant' });
  await expect(view.getByRole('heading', { level: 2, name: 'Purge the edge cache for one tenant' })).toBeFocused();
  await expect(view.getByText('Your folder')).toBeVisible();
  await expect(view.getByText('Content age over 30 minutes for 10 minutes')).toBeVisible();
  await expect(view.getByText('$API_TOKEN', { exact: true })).toBeVisible();
  await expect(view.getByText('Secret', { exact: true })).toBeVisible();

  // Numbered steps, each command in full in monospace, expected outcome, rollback, break-glass, offline.
  await expect(view.getByRole('heading', { level: 4, name: "Step 1: Count the tenant's cached objects." })).toBeVisible();
  await expect(view.getByRole('heading', { level: 4, name: "Step 2: Purge the tenant's cache." })).toBeVisible();
  const command = view.locator('pre code', { hasText: 'edge-cli objects count' });
  await expect(command).toHaveText('edge-cli objects count --tenant $TENANT');
  await expect(command).toHaveCSS('font-family', /mono/i);
  await expect(view.getByText('A count above zero.')).toBeVisible();
  await expect(view.getByText('Ask the edge on-call to read the count from their dashboard.')).toBeVisible();
  await expect(view.getByText('Break-glass', { exact: true })).toBeVisible();
  await expect(view.getByText('Every request for this tenant goes to the origin until the cache is warm.')).toBeVisible();
  await expect(view.locator('pre code', { hasText: 'edge-cli warm' })).toHaveText('edge-cli warm --tenant $TENANT');
  await expect(view.getByRole('heading', { name: 'Verification' })).toBeVisible();
  await expect(view.getByText('Content age below 5 minutes for 15 minutes.')).toBeVisible();
  await expect(view.getByText('Escalate after 15 min')).toBeVisible();
  await expect(view.getByText('#edge-oncall')).toBeVisible();

  await view.getByRole('button', { name: 'Copy command of step 1' }).click();
  await expect.poll(() => clipboardText(page)).toBe('edge-cli objects count --tenant $TENANT');

  // The same runbook by tag and by a word of a step; nothing for nonsense.
  await search.fill('e2e-fixture');
  await expect(results.getByRole('button', { name: /Purge the edge cache/ })).toBeVisible();
  await search.fill('zzz-no-such-runbook');
  await expect(results.getByRole('button')).toHaveCount(0);
  await expect(page.getByText('No runbook matches.', { exact: false })).toBeVisible();
});

test('a broken file shows its path:line:col problem while the good runbook in the same folder still loads', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await addFolderThroughTheUi(page, folder);

  const { problems } = await hostApi(consoleServer).call('runbooks.list', {});
  const problem = problems.find((report) => report.path.endsWith('broken.yaml'))?.problems[0];
  expect(problem, 'the host reports the broken file').toBeDefined();
  expect(problem!.line).toBe(5);

  const section = page.getByRole('region', { name: /1 file not loaded/ });
  await expect(section).toContainText(`${join(folder, 'broken.yaml')}:${problem!.line}:${problem!.column}: ${problem!.message}`);
  await expect(page.getByRole('list', { name: 'Runbook folders' })).toContainText('1 runbook, 1 file with problems');

  // The good file of the same folder is in the library, next to the built-in runbooks.
  const results = page.getByRole('list', { name: 'Runbooks' });
  await expect(results.getByRole('button', { name: /Purge the edge cache for one tenant/ })).toBeVisible();

  // Fixing the file on disk reloads the library by itself: the problem goes, the runbook arrives.
  writeFileSync(join(folder, 'broken.yaml'), brokenRunbook.replace('[unclosed', 'Now fixed'));
  await expect(results.getByRole('button', { name: /^Broken/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /could not be loaded/ })).toHaveCount(0);

  // Opening a runbook and coming back to the folders through the header.
  await results.getByRole('button', { name: /^Broken/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Broken' })).toBeVisible();
  await page.getByRole('button', { name: 'Runbook folders' }).click();

  // Removing the folder takes its runbooks out of the library.
  await page.getByRole('button', { name: `Remove folder ${folder}` }).click();
  await expect(results.getByRole('button', { name: /Purge the edge cache/ })).toHaveCount(0);
  await expect(page.getByText('No folders yet', { exact: false })).toBeVisible();
});

// A guided run walked through the incident screen, where the incident view mounts the run panel.
test('guided run inside an incident: a variable set later, masked command, copy for the terminal, skip reason, break-glass, rollback', async ({ page, consoleServer, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleServer.origin });
  const host = hostApi(consoleServer);
  await host.call('settings.update', { runbookFolders: [folder], responderName: 'Priya Raman' });
  const incident = await host.call('incidents.declare', { title: 'Stale pages for tenant acme', severity: 'SEV2', triggerId: 'ALERT-E2E-STALE-CACHE' });

  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: /Stale pages for tenant acme/ }).first().click();
  await page.getByRole('tab', { name: /Runbooks/ }).click();

  // The runbook for the incident's trigger is offered first; its variables are asked once.
  await expect(page.getByRole('combobox', { name: 'Runbook' })).toHaveValue('e2e-cache-purge');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Only the secret is known now; the tenant is left for later.
  const secret = page.getByLabel(/API_TOKEN/);
  await expect(secret).toHaveAttribute('type', 'password');
  await secret.fill('s3cr3t-token');
  await page.getByRole('button', { name: 'Start run' }).click();

  // A step that needs the tenant says so and cannot be run or copied until it is set.
  const step1 = page.getByRole('listitem', { name: /^Step 1:/ });
  await expect(step1.getByText('Needs TENANT: set it under Variables (above) to run or copy this command.')).toBeVisible();
  await expect(step1.getByRole('button', { name: 'Copy command of step 1' })).toBeDisabled();
  await expect(step1.getByRole('button', { name: 'Run step 1 in terminal' })).toBeDisabled();
  await page.getByRole('button', { name: 'Set variables (1 not set)' }).click();
  await page.getByRole('textbox', { name: /TENANT/ }).fill('acme corp');
  await page.getByRole('button', { name: 'Save variables' }).click();
  await expect(page.getByText('Runbook variables set: TENANT=acme corp', { exact: false })).toBeVisible();
  await expect(step1.getByText('Needs TENANT', { exact: false })).toHaveCount(0);

  // The command as it will run, values substituted and quoted, the secret masked.
  const step2 = page.getByRole('listitem', { name: "Step 2: Purge the tenant's cache." });
  await expect(step2.locator('pre code').first()).toHaveText(`curl -X POST -H "Authorization: Bearer ••••••" https://edge.example.internal/purge/'acme corp'`);
  await expect(page.getByText('s3cr3t-token')).toHaveCount(0);

  // Start, copy for the terminal (real values), fail, rollback one click away.
  await page.getByRole('button', { name: 'Start step 1' }).click();
  await page.getByRole('button', { name: 'Copy command of step 1' }).click();
  await expect(page.getByText('Copied: paste it in your terminal.')).toBeVisible();
  await expect.poll(() => clipboardText(page)).toBe(`edge-cli objects count --tenant 'acme corp'`);
  await page.getByRole('button', { name: 'Failed step 1' }).click();
  await expect(page.getByRole('listitem', { name: /^Step 1:/ }).getByText('Failed', { exact: true }).first()).toBeVisible();

  // Break-glass: Start and Done stay locked until the target is typed and a reason given.
  await expect(step2.getByRole('button', { name: 'Done step 2' })).toBeDisabled();
  await step2.getByRole('textbox', { name: /Type edge-prod to unlock step 2/ }).fill('edge-prod');
  await step2.getByRole('textbox', { name: 'Reason for running step 2' }).fill('Tenant sees stale prices');
  await step2.getByRole('button', { name: 'Copy command of step 2' }).click();
  await expect.poll(() => clipboardText(page)).toBe(`curl -X POST -H "Authorization: Bearer s3cr3t-token" https://edge.example.internal/purge/'acme corp'`);
  await step2.getByRole('button', { name: 'Failed step 2' }).click();
  await expect(step2.getByText('Warm the cache again.')).toBeVisible();
  await step2.getByRole('button', { name: 'Copy rollback command of step 2' }).click();
  await expect.poll(() => clipboardText(page)).toBe(`edge-cli warm --tenant 'acme corp'`);
  await step2.getByRole('button', { name: 'Done step 2' }).click();
  await expect(step2.getByText(/Done by Priya Raman at/)).toBeVisible();

  // Verification and exit criteria are checklist items too.
  await page.getByRole('button', { name: 'Skip check 1' }).click();
  await page.getByRole('textbox', { name: 'Why skip check 1?' }).fill('Checked on the dashboard');
  await page.getByRole('button', { name: 'Skip check', exact: true }).click();
  await page.getByRole('button', { name: 'Met criterion 1', exact: true }).click();
  await expect(page.getByRole('listitem', { name: /^Criterion 1:/ }).getByText('Done', { exact: true })).toBeVisible();

  // Every move is on the incident's timeline, in words, with the break-glass confirmation.
  await expect(page.getByText(/^Step 2 done: Purge the tenant's cache\. \(runbook .*break-glass confirmed for edge-prod: Tenant sees stale prices/).first()).toBeVisible();
  await expect(page.getByText(/^Step 1 failed: /).first()).toBeVisible();

  // What reached the timeline: secrets masked, the break-glass reason recorded.
  const events = await host.call('incidents.timeline', { incidentId: incident.id });
  const recorded = JSON.stringify(events.map((event) => event.data));
  expect(recorded).not.toContain('s3cr3t-token');
  expect(recorded).toContain('Tenant sees stale prices');
  expect(recorded).toContain('Checked on the dashboard');
});
