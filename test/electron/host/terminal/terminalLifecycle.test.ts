// A terminal's lifecycle under races, through the real host with a real bash: restarts fired together, a
// restart racing a close, a restart of a shell that still runs, and an export taken the moment output
// appeared. What matters is what a responder cannot see: no shell left running once its terminal is closed
// or the console has quit, and no recent output missing from an export.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../../electron/contract';
import { castOutput, readCast } from './terminalFixtures';
import { openTerminal, OutputCollector, startTerminalTestHost, waitFor, type TerminalTestHost } from './terminalHost';

let test: TerminalTestHost;

beforeEach(async () => {
  test = await startTerminalTestHost();
});
afterEach(async () => {
  await test.dispose();
});

async function exitedTerminal(): Promise<TerminalInfo> {
  const terminal = await openTerminal(test);
  await test.call('terminals.input', { terminalId: terminal.id, data: 'exit\r' });
  await waitFor('the shell to exit', () => test.events.some((event) => event.event === 'terminal.changed' && (event.payload as TerminalInfo).id === terminal.id && (event.payload as TerminalInfo).state === 'exited'));
  return terminal;
}

const restart = (terminalId: string) => test.call<TerminalInfo>('terminals.restart', { terminalId });
const close = (terminalId: string) => test.call('terminals.close', { terminalId });

/** Every shell the terminal was reported running (events and call results), and every bash the host started. */
function shellsStarted(terminalId: string, results: PromiseSettledResult<unknown>[] = []): number[] {
  const infos = [
    ...test.events.filter((event) => event.event === 'terminal.changed').map((event) => event.payload as TerminalInfo),
    ...results.flatMap((result) => (result.status === 'fulfilled' && isTerminalInfo(result.value) ? [result.value] : [])),
  ];
  const reported = infos.filter((info) => info.id === terminalId && info.pid !== null).map((info) => info.pid!);
  return [...new Set([...reported, ...bashChildrenOfHost()])];
}

function isTerminalInfo(value: unknown): value is TerminalInfo {
  return typeof value === 'object' && value !== null && 'pid' in value;
}

/** The host runs in this test process, so every shell it spawned is a child of it (Linux: read from /proc). */
function bashChildrenOfHost(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      const stat = procStat(Number(entry));
      return stat && stat.parent === process.pid && stat.command === 'bash' && stat.state !== 'Z' ? [Number(entry)] : [];
    });
}

/** A zombie has ended; only its exit status is left for its parent to collect. */
function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

function procStat(pid: number): { command: string; state: string; parent: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), state: fields[0]!, parent: Number(fields[1]) };
  } catch {
    return undefined; // gone
  }
}

/** Ending a shell takes a moment (SIGHUP, then its exit); one that outlives this was left behind. */
async function expectAllEnded(pids: number[]): Promise<void> {
  const survivors = await waitFor('every shell to end', () => {
    const running = pids.filter(isRunning);
    return running.length === 0 ? [] : false;
  }, 5_000).catch(() => pids.filter(isRunning));
  expect(survivors, `shells still running: ${survivors.join(', ')}`).toEqual([]);
}

describe.runIf(process.platform === 'linux')('restarting a terminal', () => {
  it('starts one shell when two restarts arrive together, and leaves none once closed and the console quits', async () => {
    const terminal = await exitedTerminal();
    const results = await Promise.allSettled([restart(terminal.id), restart(terminal.id)]);
    const shells = shellsStarted(terminal.id, results);
    const runningAfterRestarts = shells.filter(isRunning);
    await close(terminal.id);
    await test.host.dispose();

    await expectAllEnded(shells);
    expect(runningAfterRestarts).toHaveLength(1);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = results.find((result) => result.status === 'rejected')!;
    expect(String(refusal.reason)).toMatch(/conflict: bash 1 is still running/);
  });

  it('starts no shell when the terminal is closed while a restart is on its way', async () => {
    const terminal = await exitedTerminal();
    const [restarted, closed] = await Promise.allSettled([restart(terminal.id), close(terminal.id)]);

    await expectAllEnded(shellsStarted(terminal.id, [restarted]));
    expect(closed.status).toBe('fulfilled');
    expect(String((restarted as PromiseRejectedResult).reason)).toMatch(/not_found: No terminal .*; it was closed/);
  });

  it('leaves no shell behind when a running terminal is restarted and closed at once', async () => {
    const terminal = await openTerminal(test);
    const [restarted, closed] = await Promise.allSettled([restart(terminal.id), close(terminal.id)]);

    await expectAllEnded(shellsStarted(terminal.id, [restarted]));
    expect(closed.status).toBe('fulfilled');
    expect(restarted.status).toBe('rejected');
  });

  it('refuses while the shell still runs, and that shell keeps working', async () => {
    const terminal = await openTerminal(test);
    const output = new OutputCollector(test.host, terminal.id);

    await expect(restart(terminal.id)).rejects.toThrow(/conflict: bash 1 is still running; only a shell that has exited can be restarted/);
    await test.call('terminals.input', { terminalId: terminal.id, data: 'echo still-$((6*7))\r' });
    await waitFor('the same shell to answer', () => output.text().includes('still-42'));
    expect(shellsStarted(terminal.id)).toEqual([terminal.pid]);
  });
});

describe.runIf(process.platform === 'linux')('a shell that exited by itself', () => {
  async function shellLeavingAJob(): Promise<{ terminal: TerminalInfo; job: number }> {
    const terminal = await openTerminal(test);
    const output = new OutputCollector(test.host, terminal.id);
    await test.call('terminals.input', { terminalId: terminal.id, data: 'sleep 1000 & echo "job=$!"; exit\r' });
    const job = Number(await waitFor('the job', () => /job=(\d+)/.exec(output.text())?.[1]));
    await waitFor('the shell to exit', () => test.events.some((event) => event.event === 'terminal.changed' && (event.payload as TerminalInfo).id === terminal.id && (event.payload as TerminalInfo).state === 'exited'));
    expect(isRunning(job)).toBe(true);
    return { terminal, job };
  }

  it('takes the background jobs it left with it when its terminal is closed', async () => {
    const { terminal, job } = await shellLeavingAJob();
    await close(terminal.id);
    await expectAllEnded([job]);
  });

  it('takes them when the terminal is restarted', async () => {
    const { terminal, job } = await shellLeavingAJob();
    await restart(terminal.id);
    await expectAllEnded([job]);
  });
});

describe('exporting a recording', () => {
  it('holds the output that just appeared, even a line still waiting for its end', async () => {
    const terminal = await openTerminal(test);
    const output = new OutputCollector(test.host, terminal.id);
    // No newline and a shell that stays busy: the recorder holds the line back, waiting for its end.
    await test.call('terminals.input', { terminalId: terminal.id, data: "printf 'exported-%s' $((6*7)); sleep 1000\r" });
    await waitFor('the output on screen', () => output.text().includes('exported-42'));

    const exported = await test.call<{ path: string; bytes: number }>('terminals.exportCast', { terminalId: terminal.id });

    const { header, events } = readCast(exported.path);
    expect(header).toMatchObject({ version: 2, title: terminal.title });
    expect(castOutput(events)).toContain('exported-42');
    expect(exported.bytes).toBe(readFileSync(exported.path).length);
  });
});
