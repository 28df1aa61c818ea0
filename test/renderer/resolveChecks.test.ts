// Resolving with work still open says what is open, with the counts: runbook steps not done or skipped,
// open action items, terminals whose shell still runs.
import { describe, expect, it } from 'vitest';
import type { ActionItem, RunbookRun, TerminalInfo } from '../../electron/contract';
import { openWorkLines, openWorkOf } from '../../renderer/src/screens/incidents/resolveChecks';

const run = (title: string, steps: number, states: Record<string, RunbookRun['items'][string]['state']>): RunbookRun =>
  ({
    id: title,
    incidentId: 'i',
    runbookId: title,
    runbook: { title, steps: Array.from({ length: steps }, (_, index) => ({ order: index + 1 })) },
    variables: {},
    startedAt: '2026-12-05T20:30:00Z',
    startedBy: 'dana',
    items: Object.fromEntries(Object.entries(states).map(([key, state]) => [key, { state, at: '2026-12-05T20:31:00Z', by: 'dana' }])),
  }) as unknown as RunbookRun;

const item = (done: boolean) => ({ done }) as ActionItem;
const terminal = (title: string, state: TerminalInfo['state']) => ({ title, state }) as TerminalInfo;

describe('the work still open when resolving', () => {
  it('counts steps neither done nor skipped, open action items and running shells', () => {
    const work = openWorkOf(
      [run('INC-FLAG-OUTAGE', 11, { 'step:1': 'done', 'step:2': 'skipped', 'step:3': 'running', 'step:4': 'failed', 'verify:1': 'pending' }), run('Finished', 2, { 'step:1': 'done', 'step:2': 'done' })],
      [item(false), item(false), item(true)],
      [terminal('bash 1', 'running'), terminal('bash 2', 'exited')],
    );
    expect(work).toEqual({ unfinishedSteps: 9, runningSteps: 1, failedSteps: 1, runbooks: ['INC-FLAG-OUTAGE'], openActionItems: 2, openTerminals: ['bash 1'] });
    expect(openWorkLines(work)).toEqual([
      '9 runbook steps are not done or skipped in “INC-FLAG-OUTAGE”: 1 running, 1 failed.',
      '2 action items are still open.',
      '1 terminal is still running a shell (bash 1): a command may still be running there.',
    ]);
  });

  it('says nothing when nothing is open', () => {
    expect(openWorkLines(openWorkOf([run('Done', 1, { 'step:1': 'done' })], [item(true)], [terminal('bash 1', 'exited')]))).toEqual([]);
  });

  it('names every runbook with steps left, and speaks in the singular for one', () => {
    const lines = openWorkLines(openWorkOf([run('A', 1, {}), run('B', 2, { 'step:1': 'done' })], [item(false)], []));
    expect(lines).toEqual(['2 runbook steps are not done or skipped in 2 runbooks (“A”, “B”).', '1 action item is still open.']);
  });
});
