// Learning from an incident: the commands the responder typed that no step of the runbooks in use holds,
// each with the runbooks it could be added to. Navigation and housekeeping commands (cd, ls, clear…) are
// left out: nobody needs a runbook step for them.
import { substituteVariables, type LibraryRunbook, type RunbookRun, type TimelineEvent, type UntrackedCommand } from '../../contract';

const housekeeping = /^(cd|ls|ll|la|pwd|clear|reset|exit|logout|history|true|false)(\s|$)/;

export function untrackedCommands(timeline: TimelineEvent[], runbooksInUse: LibraryRunbook[], runs: RunbookRun[]): UntrackedCommand[] {
  const known = knownCommands(runbooksInUse, runs);
  const targets = runbooksInUse
    .filter((runbook) => runbook.source.origin === 'user')
    .map((runbook) => ({ runbookId: runbook.id, title: runbook.title, format: runbook.source.format }));

  const byLine = new Map<string, UntrackedCommand>();
  for (const event of timeline) {
    if (event.kind !== 'command_run' || event.data.source !== 'typed') continue;
    const line = typeof event.data.commandLine === 'string' ? event.data.commandLine.trim() : '';
    // The same command typed with different spacing is one command, shown as first typed.
    const key = normalise(line);
    if (!line || housekeeping.test(line) || known.has(key)) continue;
    const previous = byLine.get(key);
    byLine.set(key, {
      commandLine: previous?.commandLine ?? line,
      runs: (previous?.runs ?? 0) + 1,
      lastRunAt: event.occurredAt,
      lastExitCode: typeof event.data.exitCode === 'number' ? event.data.exitCode : null,
      cwd: typeof event.data.cwd === 'string' ? event.data.cwd : null,
      targets,
    });
  }
  return [...byLine.values()];
}

/** Every command a runbook in use holds, normalised: whole, line by line (a responder often types one line
 * of a multi-line step), as written and as substituted with each of that runbook's runs' variables. */
function knownCommands(runbooksInUse: LibraryRunbook[], runs: RunbookRun[]): Set<string> {
  const known = new Set<string>();
  for (const runbook of runbooksInUse) {
    const variableSets = [{}, ...runs.filter((candidate) => candidate.runbookId === runbook.id).map((candidate) => candidate.variables)];
    const commands = [...runbook.steps.flatMap((step) => [step.command, step.rollbackCommand]), ...(runbook.verification ?? []).map((check) => check.command)];
    for (const command of commands) {
      if (!command) continue;
      for (const variables of variableSets) {
        const substituted = joinContinuations(substituteVariables(command, variables));
        known.add(normalise(substituted));
        for (const line of substituted.split('\n')) if (line.trim()) known.add(normalise(line));
      }
    }
  }
  return known;
}

function joinContinuations(command: string): string {
  return command.replace(/\\\r?\n/g, ' ');
}

function normalise(command: string): string {
  return joinContinuations(command).replace(/\s+/g, ' ').trim();
}
