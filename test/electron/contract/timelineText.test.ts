// The one line a command_run event reads as in the console, the CLI and the exports: the command, how it
// ended, how long it took, the runbook step it came from, and a terminal whose commands are not captured.
import { describe, expect, it } from 'vitest';
import { describeTimelineEvent } from '../../../electron/contract';

const commandRun = (data: Record<string, unknown>) => describeTimelineEvent({ kind: 'command_run', data });

describe('a command_run event', () => {
  it('reads as the command with its exit code and duration', () => {
    expect(commandRun({ commandLine: 'kubectl get pods -n prod', exitCode: 0, durationMs: 420, source: 'typed' })).toBe('Command run: kubectl get pods -n prod (exit 0, 420 ms)');
    expect(commandRun({ commandLine: 'false', exitCode: 1, durationMs: 3 })).toBe('Command run: false (exit 1, 3 ms)');
  });

  it('gives durations in the unit a reader wants, rounded once', () => {
    const duration = (durationMs: number) => commandRun({ commandLine: 'x', durationMs });
    expect(duration(999.4)).toBe('Command run: x (999 ms)');
    expect(duration(999.6)).toBe('Command run: x (1.0 s)');
    expect(duration(1_540)).toBe('Command run: x (1.5 s)');
    expect(duration(59_960)).toBe('Command run: x (1 min 0 s)');
    expect(duration(125_000)).toBe('Command run: x (2 min 5 s)');
    expect(duration(119_600)).toBe('Command run: x (2 min 0 s)');
  });

  it('names the runbook step it was run for', () => {
    const line = commandRun({ commandLine: 'kubectl rollout restart deploy/api', exitCode: 0, durationMs: 2_000, source: 'runbook', runbookId: 'db', stepKey: 'step:3' });
    expect(line).toBe('Command run: kubectl rollout restart deploy/api (exit 0, 2.0 s, runbook step 3)');
  });

  it('leaves out what the shell did not report, and says when the command text was not captured', () => {
    expect(commandRun({ commandLine: 'sleep 100', exitCode: null })).toBe('Command run: sleep 100');
    expect(commandRun({ commandLine: null, exitCode: 130, durationMs: 50 })).toBe('Command run: command text not captured (exit 130, 50 ms)');
  });

  it('says when the command was still running as its shell ended', () => {
    expect(commandRun({ commandLine: 'ssh db-1', exitCode: null, unfinished: 'bash 2 was ended by SIGHUP', durationMs: 65_000 })).toBe('Command run: ssh db-1 (still running when bash 2 was ended by SIGHUP, 1 min 5 s)');
  });

  it('still reads events recorded by older versions (command and host)', () => {
    expect(commandRun({ command: 'psql -c "select 1"', exitCode: 0, host: 'db-1' })).toBe('Command run: psql -c "select 1" (exit 0, db-1)');
  });

  it('says which terminal is not being captured, and why', () => {
    expect(commandRun({ capture: 'unavailable', reason: 'fish has no Holdfast integration', terminal: 'fish 1', terminalId: 't1' })).toBe(
      'Terminal fish 1: commands are not being captured (fish has no Holdfast integration)',
    );
    expect(commandRun({ capture: 'unavailable' })).toBe('Terminal: commands are not being captured');
  });
});

// What changed comes first: a long step title cut off at the row's width must not hide whether the step
// started, finished or failed.
describe('a runbook_step event', () => {
  const step = (data: Record<string, unknown>) => describeTimelineEvent({ kind: 'runbook_step', data });
  const purge = { runbookTitle: 'Edge cache purge', key: 'step:2', step: '2', title: "Purge the tenant's cache" };

  it('opens with the step and its new state, then its title, then the runbook', () => {
    expect(step({ ...purge, state: 'running' })).toBe("Step 2 started: Purge the tenant's cache (runbook Edge cache purge)");
    expect(step({ ...purge, state: 'done' })).toBe("Step 2 done: Purge the tenant's cache (runbook Edge cache purge)");
    expect(step({ ...purge, state: 'failed' })).toBe("Step 2 failed: Purge the tenant's cache (runbook Edge cache purge)");
    expect(step({ ...purge, state: 'pending' })).toBe("Step 2 reset to pending: Purge the tenant's cache (runbook Edge cache purge)");
  });

  it('keeps two entries about one long step apart in their first words', () => {
    const title = 'Acknowledge the page in the paging tool and open the incident channel for everyone involved';
    const started = step({ ...purge, title, state: 'running' });
    const done = step({ ...purge, title, state: 'done' });
    expect(started.slice(0, 16)).not.toBe(done.slice(0, 16));
  });

  it('gives the reason for a skip and the break-glass confirmation after the runbook', () => {
    expect(step({ ...purge, state: 'skipped', reason: 'cache already cold' })).toBe("Step 2 skipped: Purge the tenant's cache (runbook Edge cache purge, reason: cache already cold)");
    expect(step({ ...purge, state: 'done', confirmation: { target: 'edge-prod', reason: 'stale prices' } })).toBe(
      "Step 2 done: Purge the tenant's cache (runbook Edge cache purge, break-glass confirmed for edge-prod: stale prices)",
    );
  });

  it('names verification checks and exit criteria as such; an exit criterion is met', () => {
    expect(step({ runbookTitle: 'Edge cache purge', key: 'verify:1', step: 'verification 1', title: 'Prices are fresh', state: 'done' })).toBe('Verification 1 done: Prices are fresh (runbook Edge cache purge)');
    expect(step({ runbookTitle: 'Edge cache purge', key: 'exit:1', step: 'exit criterion 1', title: 'No stale prices for 10 minutes', state: 'done' })).toBe(
      'Exit criterion 1 met: No stale prices for 10 minutes (runbook Edge cache purge)',
    );
  });

  it('still reads events recorded by older versions or other devices', () => {
    expect(step({ stepId: 'drain', outcome: 'done', runbookId: 'db-failover' })).toBe('Runbook step done: drain (runbook db-failover)');
    expect(step({})).toBe('Runbook step');
  });
});
