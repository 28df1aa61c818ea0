// A captured command turned into the incident's record, redacted: the run's secrets, the values its
// terminal learnt earlier, and the values its own line assigns, even when no terminal learnt them first
// (a line whose command-line mark came after its output).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandWithLearntSecrets } from '../../../../electron/host/terminal/sessionSecrets';
import { recordCommand } from '../../../../electron/host/terminal/commandRecorder';
import { openFixture, type Fixture } from '../exports/incidentFixture';

let fixture: Fixture;
let incidentId: string;
const origin = { terminalId: 'term-1', terminalTitle: 'bash 1' };

beforeEach(() => {
  fixture = openFixture();
  incidentId = fixture.log.incidents.declare({ title: 'Payments down', severity: 'SEV1' }).id;
});
afterEach(() => {
  fixture.close();
});

function captured(commandLine: string, output: string, learntSecrets?: CommandWithLearntSecrets['learntSecrets']): CommandWithLearntSecrets {
  const at = '2026-03-01T14:00:00.000Z';
  return { commandLine, cwd: '/', startedAt: at, endedAt: at, durationMs: 1, exitCode: 0, output, outputBytes: Buffer.byteLength(output), truncated: false, ...(learntSecrets ? { learntSecrets } : {}) };
}

async function stored(command: CommandWithLearntSecrets, runSecrets: Record<string, string> = {}) {
  const { eventId } = await recordCommand(fixture.log, incidentId, command, origin, runSecrets);
  const event = fixture.log.incidents.timeline(incidentId).find((candidate) => candidate.id === eventId)!;
  const sha256 = String(event.data.sha256);
  const evidence = readFileSync(join(fixture.dataDir, 'evidence', 'sha256', sha256.slice(0, 2), sha256), 'utf8');
  return { event, evidence };
}

describe('recordCommand', () => {
  it('redacts a value the command line assigns from that command\'s own output', async () => {
    const { event, evidence } = await stored(captured('export API_TOKEN=plain-value-7f3a9c1e; echo "token is $API_TOKEN"', 'token is plain-value-7f3a9c1e\n'));
    expect(event.data.commandLine).toBe('export API_TOKEN=[REDACTED:API_TOKEN]; echo "token is $API_TOKEN"');
    expect(evidence).toBe('token is [REDACTED:API_TOKEN]\n');
    expect(event.data.redactions).toBe(1);
  });

  it('redacts what the terminal learnt before, and names a value by the run\'s secret first', async () => {
    const learnt = [['API_TOKEN', 'plain-value-7f3a9c1e'], ['token', 'run-secret-value']] as const;
    const { event, evidence } = await stored(captured('echo "$API_TOKEN" plain-value-7f3a9c1e', 'plain-value-7f3a9c1e plain-value-7f3a9c1e run-secret-value\n', learnt), { RUN_TOKEN: 'run-secret-value' });
    expect(event.data.commandLine).toBe('echo "$API_TOKEN" [REDACTED:API_TOKEN]');
    expect(evidence).toBe('[REDACTED:API_TOKEN] [REDACTED:API_TOKEN] [REDACTED:RUN_TOKEN]\n');
  });
});

describe('the output evidence', () => {
  it('is named after when its command started and what it was, file-name safe, never holding a secret', async () => {
    await recordCommand(fixture.log, incidentId, captured('kubectl get pods -n payments | grep -v Running', 'api-7 CrashLoopBackOff\n'), origin, {});
    await recordCommand(fixture.log, incidentId, captured('export API_TOKEN=sk_live_4eC39HqLyjWDarjtT1zdp7dc', ''), origin, {});
    const names = fixture.log.incidents.detail(incidentId).evidence.map((evidence) => evidence.name);
    expect(names).toContain('14-00-00 kubectl get pods -n payments grep -v Running.txt');
    expect(names.join('\n')).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });
});
