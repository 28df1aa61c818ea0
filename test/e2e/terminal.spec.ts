// The embedded terminal against a real `holdfast serve`: a shell in an incident's Terminal tab whose commands
// land on the timeline with their exit codes, a shell that exits and is restarted, a runbook step handed to
// the terminal after confirmation, and a typed command added to the runbook it was missing from.
// The terminal may be drawn by WebGL (no text in the page), so its output is checked with its own search.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './consoleServer';
import { hostApi } from './hostApi';

const handOffRunbook = `id: e2e-terminal-handoff
title: Check the checkout service from a shell
scenario: Checkout answers slowly and the responder wants to look from a shell.
severity: SEV-3
tags: [e2e-fixture]
triggers:
  - id: ALERT-E2E-TERMINAL
    severity: SEV-3
    threshold: p99 over 2 s for 5 minutes
steps:
  - order: 1
    description: Ask the service how it is.
    command: echo handoff-$((40+2))
    expectedOutcome: handoff-42
`;

let folder: string;

test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'holdfast-e2e-terminal-'));
  writeFileSync(join(folder, 'handoff.yaml'), handOffRunbook);
});

test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

const timelineOf = (page: Page) => page.getByRole('list', { name: 'Timeline' });
/** The shell's name depends on $SHELL (bash or zsh); the terminal is the incident's first. */
const terminalInput = (page: Page) => page.getByRole('textbox', { name: /^Terminal \S+ 1 input$/ });

async function openIncidentTerminalTab(page: Page, title: string) {
  await page.getByRole('button', { name: new RegExp(title) }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await page.getByRole('tab', { name: /^Terminal/ }).click();
}

async function typeLine(page: Page, line: string) {
  await terminalInput(page).focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Searches the terminal's scrollback (Ctrl+Shift+F) and returns the search box's count. */
async function expectInTerminal(page: Page, text: string, count: string) {
  await terminalInput(page).focus();
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('searchbox', { name: 'Search terminal output' });
  await search.fill(text);
  await expect(page.getByRole('search').getByRole('status')).toHaveText(count);
  await search.press('Escape');
  await expect(search).toBeHidden();
}

test('a command typed in the incident terminal is on the timeline with its exit code; exit and Restart', async ({ page, consoleServer }) => {
  const host = hostApi(consoleServer);
  const incident = await host.call('incidents.declare', { title: 'Checkout latency in eu-west', severity: 'SEV2' });

  await page.goto(consoleServer.url);
  await openIncidentTerminalTab(page, 'Checkout latency in eu-west');
  await expect(page.getByText(/No terminal for INC-/)).toBeVisible();
  await page.getByRole('button', { name: 'New terminal' }).first().click();

  const region = page.getByRole('region', { name: /^Terminal \S+ 1$/ });
  await expect(region).toBeVisible();
  await expect(terminalInput(page)).toBeFocused();
  await expect(page.getByText('Recording commands')).toBeVisible({ timeout: 15_000 });

  await typeLine(page, 'echo holdfast-$((6*7))');
  await expect(timelineOf(page).getByText(/^Command run: echo holdfast-\$\(\(6\*7\)\) \(exit 0\b/)).toBeVisible({ timeout: 15_000 });
  // The command line does not hold "holdfast-42": only the shell's output does.
  await expectInTerminal(page, 'holdfast-42', '1 of 1');

  const events = await host.call('incidents.timeline', { incidentId: incident.id });
  const run = events.find((event) => event.kind === 'command_run' && event.data.commandLine === 'echo holdfast-$((6*7))');
  expect(run?.data.exitCode).toBe(0);

  // Its output is evidence named after the command, folded away from the team's own files.
  await page.getByRole('tab', { name: /^Evidence/ }).click();
  await expect(page.getByRole('table', { name: 'Files' })).toHaveCount(0);
  await page.getByText('Command output (1)').click();
  await expect(page.getByRole('table', { name: 'Command output' })).toContainText(/\d\d-\d\d-\d\d echo holdfast- 6 7\.txt/);
  await page.getByRole('tab', { name: /^Terminal/ }).click();

  // Leaving the shell: the banner says how it ended, and Restart starts a new shell in the same tab.
  await typeLine(page, 'exit');
  await expect(page.getByText(/^\S+ exited with code 0$/)).toBeVisible();
  await expect(page.getByText('Not running')).toBeVisible();
  // `exit` never comes back to a prompt: the timeline keeps it, saying it ran until the shell ended.
  await expect(timelineOf(page).getByText(/^Command run: exit \(still running when \S+ 1 exited with code 0\b/)).toBeVisible();
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByText(/^\S+ exited with code 0$/)).toBeHidden();
  await expect(page.getByText('Recording commands')).toBeVisible({ timeout: 15_000 });
  await typeLine(page, 'echo back-$((1+1))');
  await expect(timelineOf(page).getByText(/^Command run: echo back-\$\(\(1\+1\)\) \(exit 0\b/)).toBeVisible({ timeout: 15_000 });
  await expectInTerminal(page, 'back-2', '1 of 1');

  // The screen keys work from inside the terminal: Alt+2 is not left to the shell.
  await terminalInput(page).focus();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeVisible();
});

test('Run in terminal hands a runbook step to the terminal after confirmation; a command no runbook holds can be added to one', async ({ page, consoleServer }) => {
  const host = hostApi(consoleServer);
  await host.call('settings.update', { runbookFolders: [folder], responderName: 'Priya Raman' });
  const incident = await host.call('incidents.declare', { title: 'Checkout slow for acme', severity: 'SEV3', triggerId: 'ALERT-E2E-TERMINAL' });

  await page.goto(consoleServer.url);
  await page.getByRole('button', { name: /Checkout slow for acme/ }).first().click();
  await page.getByRole('tab', { name: /^Runbooks/ }).click();
  await expect(page.getByRole('combobox', { name: 'Runbook' })).toHaveValue('e2e-terminal-handoff');
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // The command is shown and confirmed before anything is typed; Copy stays a separate button.
  const step = page.getByRole('listitem', { name: 'Step 1: Ask the service how it is.' });
  await expect(step.getByRole('button', { name: 'Copy command of step 1' })).toBeVisible();
  await step.getByRole('button', { name: 'Run step 1 in terminal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run this command in a new terminal?' });
  await expect(dialog.getByText('echo handoff-$((40+2))', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: /^Runbooks/ })).toHaveAttribute('aria-selected', 'true');

  await step.getByRole('button', { name: 'Run step 1 in terminal' }).click();
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  // The incident's Terminal tab opens on the new terminal; the captured command is linked to the step,
  // whose state follows its exit code.
  await expect(page.getByRole('tab', { name: /^Terminal/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: /^Terminal \S+ 1$/ })).toBeVisible();
  await expect(timelineOf(page).getByText(/^Command run: echo handoff-\$\(\(40\+2\)\) \(exit 0, .*runbook step 1/)).toBeVisible({ timeout: 20_000 });
  await expectInTerminal(page, 'handoff-42', '1 of 1');
  await page.getByRole('tab', { name: /^Runbooks/ }).click();
  await expect(step.getByText('Done', { exact: true }).first()).toBeVisible();

  // A command typed by hand that no step holds is offered to the runbook in use.
  await page.getByRole('tab', { name: /^Terminal/ }).click();
  await typeLine(page, 'echo not-in-any-runbook');
  // Folded while the incident runs (the terminal keeps the room), with the count on its heading.
  const toggle = page.getByRole('button', { name: /^Commands not in a runbook/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('1');
  await toggle.click();
  const untracked = page.getByRole('list', { name: 'Commands not in a runbook' });
  const item = untracked.getByRole('listitem').filter({ hasText: 'echo not-in-any-runbook' });
  await expect(item).toContainText('Ran once');
  await expect(untracked.getByText('echo handoff-$((40+2))')).toHaveCount(0);
  await item.getByRole('button', { name: 'Add echo not-in-any-runbook to Check the checkout service from a shell' }).click();
  const description = item.getByRole('textbox', { name: /Step description/ });
  await expect(description).toHaveValue('echo not-in-any-runbook');
  await description.fill('Say that the check ran.');
  await item.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByText('Added as step 2 of Check the checkout service from a shell')).toBeVisible();
  const written = readFileSync(join(folder, 'handoff.yaml'), 'utf8');
  expect(written).toContain('echo not-in-any-runbook');
  expect(written).toContain('Say that the check ran.');
  // Now the runbook holds it, so it leaves the list.
  await expect(untracked.getByText('echo not-in-any-runbook')).toHaveCount(0);

  // Folded again, it opens by itself once the incident is resolved: the time to look at what runbooks lacked.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  for (const status of ['acknowledged', 'investigating', 'resolved'] as const) await host.call('incidents.setStatus', { incidentId: incident.id, status });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});
