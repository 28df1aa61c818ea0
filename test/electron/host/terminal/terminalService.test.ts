// The embedded terminal through the host, end to end below the renderer: a real bash in a real pty, the
// shell-integration marks, commands on the incident timeline with their output as evidence, a runbook step
// handed to the terminal, flow control under a flood, recordings, shell exit/restart, and no orphans.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTimelineEvent, flowControl, type Incident, type RunbookRun, type TerminalInfo } from '../../../../electron/contract';
import { commandEvents, openTerminal, OutputCollector, startTerminalTestHost, waitFor, type TerminalTestHost } from './terminalHost';

let test: TerminalTestHost;
let incident: Incident;

beforeEach(async () => {
  test = await startTerminalTestHost();
  incident = await test.call<Incident>('incidents.declare', { title: 'Checkout errors', severity: 'SEV1' });
});
afterEach(async () => {
  await test.dispose();
});

function evidenceText(sha256: string): string {
  return readFileSync(join(test.dataDir, 'evidence', 'sha256', sha256.slice(0, 2), sha256), 'utf8');
}

/** Puts one runbook file in a user folder of the library. */
async function useRunbook(fileName: string, lines: string[]) {
  const folder = join(test.dataDir, 'team-runbooks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, fileName), `${lines.join('\n')}\n`);
  await test.call('settings.update', { runbookFolders: [folder] });
}

async function type(terminalId: string, text: string) {
  await test.call('terminals.input', { terminalId, data: text });
}

async function activeTerminal(): Promise<TerminalInfo> {
  const terminal = await openTerminal(test, incident.humanId);
  await waitFor('capture to become active', () => test.events.some((event) => event.event === 'terminal.changed' && (event.payload as TerminalInfo).id === terminal.id && (event.payload as TerminalInfo).capture === 'active'));
  return terminal;
}

describe('commands typed in an incident terminal', () => {
  it('land on the timeline with exit code, times, directory and their output as evidence', async () => {
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    await type(terminal.id, 'cd /tmp && echo holdfast-$((6*7)); false\r');
    const [event] = await waitFor('the command event', async () => {
      const found = await commandEvents(test, incident.id);
      return found.length ? found : undefined;
    });
    expect(event!.data).toMatchObject({ commandLine: 'cd /tmp && echo holdfast-$((6*7)); false', exitCode: 1, cwd: test.home, source: 'typed', terminal: terminal.title });
    expect(Date.parse(String(event!.data.endedAt))).toBeGreaterThanOrEqual(Date.parse(String(event!.data.startedAt)));
    const evidence = evidenceText(String(event!.data.sha256));
    expect(evidence).toContain('holdfast-42');
    expect(evidence).not.toContain('\x1b');
    expect(output.text()).toContain('holdfast-42');
    await waitFor('the directory to follow cd', () => test.events.some((e) => e.event === 'terminal.changed' && (e.payload as TerminalInfo).cwd === '/tmp'));
  });

  it('redacts credentials from the command line and the output before storing them', async () => {
    const terminal = await activeTerminal();
    await type(terminal.id, "echo 'Authorization: Bearer abc.def.ghi' postgres://app:hunter22@db:5432/x\r");
    const [event] = await waitFor('the command event', async () => {
      const found = await commandEvents(test, incident.id);
      return found.length ? found : undefined;
    });
    const stored = JSON.stringify(event) + evidenceText(String(event!.data.sha256));
    expect(stored).not.toContain('abc.def.ghi');
    expect(stored).not.toContain('hunter22');
    expect(event!.data.redactions).toBeGreaterThan(0);
  });
});

describe('input', () => {
  it('writes binary input (legacy mouse reports) as raw bytes, text as UTF-8, and refuses characters that are no byte', async () => {
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    await type(terminal.id, 'stty raw -echo; echo ready; head -c 4 | od -An -tx1; stty sane\r');
    await waitFor('head to be reading', () => output.text().includes('ready'));
    await test.call('terminals.input', { terminalId: terminal.id, data: '\xe0\xf0', binary: true });
    await type(terminal.id, 'à');
    await waitFor('od to show the bytes', () => output.text().includes('e0 f0 c3 a0'));
    await expect(test.call('terminals.input', { terminalId: terminal.id, data: 'Ā', binary: true })).rejects.toThrow(/invalid_params: .*params\.data.*one byte/);
  });
});

describe('a runbook step run in the terminal', () => {
  it('types the substituted command, records it as the step, and sets the step from the exit code; the secret is stored nowhere', async () => {
    await useRunbook('token-check.yaml', ['id: token-check', 'title: Token check', 'variables:', '  - name: API_TOKEN', '    secret: true', 'steps:', '  - order: 1', '    description: Use the token', '    command: echo "token=$API_TOKEN" && test -n "$API_TOKEN"']);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'token-check', variables: { API_TOKEN: 'sekrit-value-123' } });
    const terminal = await activeTerminal();
    const { shownCommand } = await test.call<{ shownCommand: string }>('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' });
    expect(shownCommand).not.toContain('sekrit-value-123');

    const done = await waitFor('the step to be done', async () => {
      const runs = await test.call<RunbookRun[]>('runs.list', { incidentId: incident.id });
      return runs[0]!.items['step:1']?.state === 'done' ? runs[0] : undefined;
    });
    expect(done!.items['step:1']!.reason).toMatch(/exit code 0/);
    const [event] = await commandEvents(test, incident.id);
    expect(event!.data).toMatchObject({ source: 'runbook', runId: run.id, stepKey: 'step:1', exitCode: 0, commandLine: shownCommand });
    await test.call('terminals.close', { terminalId: terminal.id });
    for (const file of ['holdfast.db', 'holdfast.db-wal']) {
      const path = join(test.dataDir, file);
      try {
        expect(readFileSync(path).includes('sekrit-value-123')).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const evidence = evidenceText(String(event!.data.sha256));
    expect(evidence).toContain('token=[REDACTED:API_TOKEN]');
    const recording = readFileSync(join(test.dataDir, 'recordings', incident.id, `${terminal.id}.cast`), 'utf8');
    expect(recording).not.toContain('sekrit-value-123');
  });

  it('keeps a line holding a secret out of the shell\'s history file', async () => {
    await useRunbook('token-check.yaml', ['id: token-check', 'title: Token check', 'variables:', '  - name: API_TOKEN', '    secret: true', 'steps:', '  - order: 1', '    description: Use the token', '    command: test -n "$API_TOKEN"']);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'token-check', variables: { API_TOKEN: 'sekrit-value-456' } });
    const terminal = await activeTerminal();
    await test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' });
    await type(terminal.id, 'echo typed-after-the-step\r');
    await waitFor('both commands', async () => (await commandEvents(test, incident.id)).length === 2 || undefined);
    await type(terminal.id, 'exit\r'); // bash writes its history file as it exits
    await waitFor('the shell to exit', () => test.events.some((e) => e.event === 'terminal.changed' && (e.payload as TerminalInfo).id === terminal.id && (e.payload as TerminalInfo).state === 'exited'));
    const history = readFileSync(join(test.home, '.bash_history'), 'utf8');
    expect(history).toContain('echo typed-after-the-step');
    expect(history).not.toContain('sekrit-value-456');
  });
});

describe('a step that needs a variable left for later', () => {
  it('is refused, naming the variable, until the variable is set; then runs with its value', async () => {
    await useRunbook('pods.yaml', ['id: pods', 'title: Restart a pod', 'variables:', '  - name: POD_NAME', 'steps:', '  - order: 1', '    description: Describe the pod', '    command: echo "pod=$POD_NAME"']);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'pods', variables: {} });
    const terminal = await activeTerminal();
    await expect(test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' })).rejects.toThrow(/conflict: Step 1 needs POD_NAME: set it in the run's variables first\./);
    await test.call('runs.setVariables', { runId: run.id, variables: { POD_NAME: 'web-7f9c' } });
    const { shownCommand } = await test.call<{ shownCommand: string }>('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' });
    expect(shownCommand).toBe('echo "pod=web-7f9c"');
    const [event] = await waitFor('the command', async () => {
      const found = await commandEvents(test, incident.id);
      return found.length ? found : undefined;
    });
    expect(evidenceText(String(event!.data.sha256))).toBe('pod=web-7f9c\n');
  });
});

describe('a verification check run in the terminal', () => {
  const checkRunbook = ['id: health', 'title: Health', 'steps:', '  - order: 1', '    description: Look', '    command: echo looked', 'verification:', '  - description: The API answers', '    command: echo api-answers-$((1+1))', '    expected: api-answers-2'];

  it('is refused while the shell runs another command, then typed, linked to the check and left for the responder to judge', async () => {
    await useRunbook('health.yaml', checkRunbook);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'health', variables: {} });
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    await type(terminal.id, 'echo busy-now; sleep 1000\r');
    await waitFor('the command to run', () => output.text().includes('busy-now'));
    await expect(test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'verify:1' })).rejects.toThrow(/conflict: bash 1 is still running a command/);
    await type(terminal.id, '\x03');
    await waitFor('the interrupted command', async () => (await commandEvents(test, incident.id)).length === 1 || undefined);

    expect(await test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'verify:1' })).toEqual({ shownCommand: 'echo api-answers-$((1+1))', followsExitCode: false });
    const [, check] = await waitFor('the check', async () => ((await commandEvents(test, incident.id)).length === 2 ? commandEvents(test, incident.id) : undefined));
    expect(check!.data).toMatchObject({ source: 'runbook', runId: run.id, stepKey: 'verify:1', exitCode: 0 });
    expect(evidenceText(String(check!.data.sha256))).toBe('api-answers-2\n');
    const [after] = await test.call<RunbookRun[]>('runs.list', { incidentId: incident.id });
    expect(after!.items['verify:1']).toBeUndefined();
  });

  it('refuses an exit criterion, which has no command', async () => {
    await useRunbook('health.yaml', [...checkRunbook, 'exitCriteria:', '  - The API answers for 10 minutes']);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'health', variables: {} });
    const terminal = await activeTerminal();
    await expect(test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'exit:1' })).rejects.toThrow(/invalid_params: Exit criterion 1 of Health has no command to run/);
  });
});

describe('a break-glass step run in a terminal opened for it', () => {
  it('waits for the new shell\'s prompt before typing, and finishes the confirmed step from the exit code', async () => {
    await useRunbook('restart.yaml', ['id: restart-api', 'title: Restart the API', 'steps:', '  - order: 1', '    description: Restart it', '    command: echo restarted-$((40+2))', '    confirm:', '      target: production']);
    const run = await test.call<RunbookRun>('runs.start', { incidentId: incident.id, runbookId: 'restart-api', variables: {} });
    await test.call('runs.setItem', { runId: run.id, key: 'step:1', state: 'running', confirmation: { typedTarget: 'production', reason: 'API wedged' } });
    const terminal = await openTerminal(test, incident.humanId);
    const output = new OutputCollector(test.host, terminal.id);
    await test.call('terminals.runItem', { terminalId: terminal.id, runId: run.id, key: 'step:1' });
    const finished = await waitFor('the step to be done', async () => {
      const runs = await test.call<RunbookRun[]>('runs.list', { incidentId: incident.id });
      return runs[0]!.items['step:1']?.state === 'done' ? runs[0] : undefined;
    });
    expect(finished!.items['step:1']!.reason).toMatch(/exit code 0/);
    expect(await commandEvents(test, incident.id)).toHaveLength(1);
    // Typed once, after the prompt: the command line appears once on screen, its output once. (On the screen, not
    // in the raw output: readline redraws the line when Enter is pressed, see bash-integration.sh.)
    // The step can be done before the last output frame reached this client: wait for the output to show.
    const screen = await waitFor('the output on the screen', async () => {
      const lines = await output.screenLines();
      return lines.includes('restarted-42') ? lines : undefined;
    });
    expect(screen.filter((line) => line.includes('echo restarted-$((40+2))')), screen.join('\n')).toHaveLength(1);
    expect(screen.filter((line) => line === 'restarted-42')).toHaveLength(1);
  });
});

describe('flow control', () => {
  it('stops reading a flood while the renderer has not caught up, resumes on acks, and Ctrl+C ends it promptly', async () => {
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    output.acknowledging = false;
    await type(terminal.id, 'yes holdfast-flood\r');
    await waitFor('output to arrive', () => output.received > flowControl.highWatermarkBytes);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stalled = output.received;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Paused: at most what was already in flight arrives, not the megabytes `yes` writes per second.
    expect(output.received - stalled).toBeLessThan(256 * 1024);
    expect(stalled).toBeLessThan(2 * 1024 * 1024);

    output.acknowledging = true;
    output.ackAll();
    await waitFor('output to flow again', () => output.received > stalled + 1024 * 1024);
    await type(terminal.id, '\x03');
    const [event] = await waitFor('the interrupted command', async () => {
      const found = await commandEvents(test, incident.id);
      return found.length ? found : undefined;
    });
    expect(event!.data).toMatchObject({ commandLine: 'yes holdfast-flood', exitCode: 130, truncated: true });
  });
});

describe('terminal lifecycle', () => {
  it('shows a shell that exited and restarts it in the same terminal', async () => {
    const terminal = await activeTerminal();
    await type(terminal.id, 'exit 3\r');
    const exited = await waitFor('the exit', () => test.events.map((e) => e.payload as TerminalInfo).find((info) => info.id === terminal.id && info.state === 'exited'));
    expect(exited).toMatchObject({ exitCode: 3 });
    expect(exited.problem).toMatch(/exited with code 3/);
    const restarted = await test.call<TerminalInfo>('terminals.restart', { terminalId: terminal.id });
    expect(restarted).toMatchObject({ id: terminal.id, state: 'running' });
    await type(terminal.id, 'echo back\r');
    const [exit, back] = await waitFor('a command after the restart', async () => ((await commandEvents(test, incident.id)).length === 2 ? commandEvents(test, incident.id) : undefined));
    // `exit` never returns to a prompt: it is recorded as running when the shell ended.
    expect(exit!.data).toMatchObject({ commandLine: 'exit 3', exitCode: null, unfinished: 'bash 1 exited with code 3' });
    expect(describeTimelineEvent(exit!)).toMatch(/^Command run: exit 3 \(still running when bash 1 exited with code 3, \d+ ms\)$/);
    expect(back!.data).toMatchObject({ commandLine: 'echo back', exitCode: 0 });
  });

  it('records a command that was still running when its terminal was closed, with its output so far', async () => {
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    await type(terminal.id, 'echo started-$((2*21)); sleep 1000\r');
    await waitFor('the command to start', () => output.text().includes('started-42'));
    await test.call('terminals.close', { terminalId: terminal.id });
    const [event] = await commandEvents(test, incident.id);
    expect(event!.data).toMatchObject({ commandLine: 'echo started-$((2*21)); sleep 1000', exitCode: null, unfinished: 'bash 1 was ended by SIGHUP' });
    expect(evidenceText(String(event!.data.sha256))).toBe('started-42\n');
  });

  it('says clearly when the shell cannot start', async () => {
    const info = await test.call<TerminalInfo>('terminals.open', { cols: 80, rows: 24, cwd: join(test.dataDir, 'no-such-folder') });
    expect(info.state).toBe('failed');
    expect(info.problem).toContain('no-such-folder');
  });

  it('ends every shell and its children when the host closes', async () => {
    const terminal = await activeTerminal();
    const output = new OutputCollector(test.host, terminal.id);
    await type(terminal.id, 'sleep 1000 & echo "child=$!"\r');
    const pid = Number(await waitFor('the child pid', () => /child=(\d+)/.exec(output.text())?.[1]));
    expect(() => process.kill(pid, 0)).not.toThrow();
    await test.host.dispose();
    await waitFor('the child to be gone', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
  });

  it('exports the session as an asciinema v2 recording', async () => {
    const terminal = await activeTerminal();
    await type(terminal.id, 'echo recorded-line\r');
    await waitFor('the command', async () => (await commandEvents(test, incident.id)).length === 1 || undefined);
    await test.call('terminals.resize', { terminalId: terminal.id, cols: 120, rows: 40 });
    const exported = await test.call<{ path: string }>('terminals.exportCast', { terminalId: terminal.id });
    const [header, ...lines] = readFileSync(exported.path, 'utf8').trim().split('\n');
    expect(JSON.parse(header!)).toMatchObject({ version: 2, width: 100, height: 30, title: terminal.title });
    const events = lines.map((line) => JSON.parse(line) as [number, string, string]);
    expect(events.some(([, kind, data]) => kind === 'o' && data.includes('recorded-line'))).toBe(true);
    expect(events.some(([, kind, data]) => kind === 'r' && data === '120x40')).toBe(true);
  });
});
