// Secrets the responder sets in an incident terminal, end to end through the host with a real bash: a
// value assigned to a secret-named variable never reaches the timeline, the evidence, the search index or
// the recording, neither from the command's own output nor from any later command or its output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident, TerminalInfo, TimelineEvent } from '../../../../electron/contract';
import { commandEvents, openTerminal, startTerminalTestHost, waitFor, type TerminalTestHost } from './terminalHost';

let test: TerminalTestHost;
let incident: Incident;

beforeEach(async () => {
  test = await startTerminalTestHost();
  incident = await test.call<Incident>('incidents.declare', { title: 'Payments down', severity: 'SEV1' });
});
afterEach(async () => {
  await test.dispose();
});

async function activeTerminal(): Promise<TerminalInfo> {
  const terminal = await openTerminal(test, incident.humanId);
  await waitFor('capture to become active', () => test.events.some((event) => event.event === 'terminal.changed' && (event.payload as TerminalInfo).id === terminal.id && (event.payload as TerminalInfo).capture === 'active'));
  return terminal;
}

/** Types a line and waits for its command to be on the timeline; returns all command events so far. */
async function run(terminalId: string, line: string, count: number): Promise<TimelineEvent[]> {
  await test.call('terminals.input', { terminalId, data: `${line}\r` });
  return waitFor(`command ${count} on the timeline`, async () => {
    const events = await commandEvents(test, incident.id);
    return events.length >= count ? events : undefined;
  });
}

function evidenceText(event: TimelineEvent): string {
  const sha256 = String(event.data.sha256);
  return readFileSync(join(test.dataDir, 'evidence', 'sha256', sha256.slice(0, 2), sha256), 'utf8');
}

/** Every file the host wrote for the incident: database (with its search index), evidence, recordings. */
function everythingStored(): string {
  const files = ['holdfast.db', 'holdfast.db-wal'].map((name) => join(test.dataDir, name));
  const folders = [join(test.dataDir, 'evidence'), join(test.dataDir, 'recordings')];
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return files.map((file) => readFileSync(file, 'latin1')).join('\n');
}

describe('a secret the responder assigns in the terminal', () => {
  // No credential shape matches these: only learning the assignment can keep them out.
  const apiToken = 'plain-value-7f3a9c1e';
  const password = 'correct;horse battery';

  it('is redacted from its own output, later commands and their output, and the recording', async () => {
    const terminal = await activeTerminal();
    const [first] = await run(terminal.id, `export API_TOKEN=${apiToken}; echo "token is $API_TOKEN"`, 1);
    expect(first!.data.commandLine).toBe('export API_TOKEN=[REDACTED:API_TOKEN]; echo "token is $API_TOKEN"');
    expect(evidenceText(first!)).toContain('token is [REDACTED:API_TOKEN]');

    const events = await run(terminal.id, `DB_PASSWORD='${password}' sh -c 'echo "pw=$DB_PASSWORD"'; echo "again $API_TOKEN"; echo ${apiToken} typed`, 2);
    const second = events[1]!;
    expect(second.data.commandLine).toBe(`DB_PASSWORD='[REDACTED:DB_PASSWORD]' sh -c 'echo "pw=$DB_PASSWORD"'; echo "again $API_TOKEN"; echo [REDACTED:API_TOKEN] typed`);
    expect(evidenceText(second)).toBe('pw=[REDACTED:DB_PASSWORD]\nagain [REDACTED:API_TOKEN]\n[REDACTED:API_TOKEN] typed\n');

    await test.call('terminals.close', { terminalId: terminal.id });
    const recording = readFileSync(join(test.dataDir, 'recordings', incident.id, `${terminal.id}.cast`), 'utf8');
    expect(recording).toContain('token is [REDACTED:API_TOKEN]');
    const stored = everythingStored();
    for (const secret of [apiToken, password, 'correct\\x3bhorse']) expect(stored).not.toContain(secret);
  });

  it('keeps a Stripe key out of the timeline, the evidence and the recording', async () => {
    const stripeKey = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const terminal = await activeTerminal();
    const events = await run(terminal.id, `echo ${stripeKey}; export STRIPE_KEY=${stripeKey}; echo "key is $STRIPE_KEY"`, 1);
    expect(evidenceText(events[0]!)).toBe('[REDACTED]\nkey is [REDACTED]\n');
    await test.call('terminals.close', { terminalId: terminal.id });
    expect(everythingStored()).not.toContain(stripeKey);
  });
});
