// What is still open when someone resolves the incident: runbook steps not done or skipped, open action
// items, terminals whose shell still runs. Resolving is allowed anyway (the responder decides), but never
// without saying what is left, with the counts.
import type { ActionItem, RunbookRun, TerminalInfo } from '../../../../electron/contract';
import { counted } from './counted';

export interface OpenWork {
  /** Steps neither done nor skipped, across the incident's runs, and how many of them are running or failed. */
  unfinishedSteps: number;
  runningSteps: number;
  failedSteps: number;
  /** Titles of the runbooks those steps are in. */
  runbooks: string[];
  openActionItems: number;
  /** Titles of the incident's terminals whose shell is still running. */
  openTerminals: string[];
}

export function openWorkOf(runs: readonly RunbookRun[], actionItems: readonly ActionItem[], terminals: readonly TerminalInfo[]): OpenWork {
  const work: OpenWork = { unfinishedSteps: 0, runningSteps: 0, failedSteps: 0, runbooks: [], openActionItems: 0, openTerminals: [] };
  for (const run of runs) {
    const states = run.runbook.steps.map((step) => run.items[`step:${step.order}`]?.state ?? 'pending');
    const unfinished = states.filter((state) => state !== 'done' && state !== 'skipped');
    if (!unfinished.length) continue;
    work.unfinishedSteps += unfinished.length;
    work.runningSteps += unfinished.filter((state) => state === 'running').length;
    work.failedSteps += unfinished.filter((state) => state === 'failed').length;
    work.runbooks.push(run.runbook.title);
  }
  work.openActionItems = actionItems.filter((item) => !item.done).length;
  work.openTerminals = terminals.filter((terminal) => terminal.state === 'running').map((terminal) => terminal.title);
  return work;
}

const quoted = (titles: string[]) => titles.map((title) => `“${title}”`).join(', ');

/** One sentence per kind of open work; empty when nothing is left. */
export function openWorkLines(work: OpenWork): string[] {
  const lines: string[] = [];
  if (work.unfinishedSteps) {
    const details = [work.runningSteps && `${work.runningSteps} running`, work.failedSteps && `${work.failedSteps} failed`].filter(Boolean).join(', ');
    const where = work.runbooks.length === 1 ? `in ${quoted(work.runbooks)}` : `in ${work.runbooks.length} runbooks (${quoted(work.runbooks)})`;
    lines.push(`${counted(work.unfinishedSteps, 'runbook step')} ${work.unfinishedSteps === 1 ? 'is' : 'are'} not done or skipped ${where}${details ? `: ${details}` : ''}.`);
  }
  if (work.openActionItems) lines.push(`${counted(work.openActionItems, 'action item')} ${work.openActionItems === 1 ? 'is' : 'are'} still open.`);
  if (work.openTerminals.length) {
    const count = work.openTerminals.length;
    lines.push(`${counted(count, 'terminal')} ${count === 1 ? 'is' : 'are'} still running a shell (${work.openTerminals.join(', ')}): a command may still be running there.`);
  }
  return lines;
}
