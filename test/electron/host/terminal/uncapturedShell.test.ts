// A runbook handed to a shell Holdfast has no integration for (sh here; fish, nushell… on a laptop): the
// command is typed all the same, nothing pretends to know its exit code, and the terminal is never left
// waiting for a report that cannot come.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident, RunbookRun, TerminalInfo } from '../../../../electron/contract';
import { openTerminal, OutputCollector, startTerminalTestHost, waitFor, type TerminalTestHost } from './terminalHost';

let test: TerminalTestHost;
let incident: Incident;

beforeEach(async () => {
  test = await startTerminalTestHost('/bin/sh');
  incident = await test.call<Incident>('incidents.declare', { title: 'Queue stuck', severity: 'SEV2' });
  const folder = join(test.dataDir, 'team-runbooks');
  mkdirSync(folder, { recursive: true });
  const steps = ['id: drain', 'title: Drain the queue', 'variables:', '  - name: TOKEN', '    secret: true', 'steps:', '  - order: 1', '    description: Pause', '    command: echo paused-$((20+1))', '  - order: 2', '    description: Drain', '    command: echo drained-with-$TOKEN'];
  writeFileSync(join(folder, 'drain.yaml'), `${steps.join('\n')}\n`);
  await test.call('settings.update', { runbookFolders: [folder] });
});
afterEach(async () => {
  await test.dispose();
});

it('types each step in turn, says the exit code is not followed, and keeps a secret line out of history with a leading space', async () => {
  const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'drain', variables: { TOKEN: 'tok-789' } });
  const terminal = await openTerminal(test, incident.humanId);
  expect(terminal.capture).toBe('unavailable');
  const output = new OutputCollector(test.host, terminal.id);
  expect(await test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' })).toEqual({ shownCommand: 'echo paused-$((20+1))', followsExitCode: false });
  await waitFor('the first step to run', () => output.text().includes('paused-21'));
  // Before the fix the second step was refused: the first one was waiting for a capture sh never sends.
  await test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:2' });
  await waitFor('the second step to run', () => output.text().includes('drained-with-tok-789'));
  expect(output.text()).toContain(' echo drained-with-tok-789');
  const [after] = await test.call<RunbookRun[]>('runs.list', { incidentId: incident.id });
  expect(after!.items['step:1']?.state).toBe('running'); // the responder marks it: nothing reported its exit code
  const info = (await test.call<TerminalInfo[]>('terminals.list', { incidentId: incident.id }))[0]!;
  expect(info.state).toBe('running');
});
