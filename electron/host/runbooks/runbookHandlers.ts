// Contract handlers of the runbook library and guided runs.
import type { MethodHandlers } from '../dispatcher';
import { appendCommandStep } from './runbookAppend';
import type { RunbookLibrary } from './runbookLibrary';
import type { RunbookRunService } from './runbookRuns';

type LibraryMethodName = Extract<keyof MethodHandlers, `runbooks.${string}`>;
type RunMethodName = Extract<keyof MethodHandlers, `runs.${string}`>;

export function runbookLibraryHandlers(library: RunbookLibrary): Pick<MethodHandlers, LibraryMethodName> {
  return {
    'runbooks.list': ({ query }) => ({ runbooks: query?.trim() ? library.search(query) : library.list(), problems: library.problems() }),
    'runbooks.get': ({ id }) => library.require(id),
    'runbooks.forTrigger': ({ triggerId }) => library.forTrigger(triggerId),
    'runbooks.addCommandStep': async ({ runbookId, command, description }) => {
      const added = await appendCommandStep(library.require(runbookId), command, description);
      library.reload();
      return added;
    },
    'runbooks.reload': () => {
      library.reload();
      return library.counts();
    },
  };
}

export function runbookRunHandlers(runs: RunbookRunService): Pick<MethodHandlers, RunMethodName> {
  return {
    'runs.start': ({ incidentId, runbookId, variables }) => runs.start(incidentId, runbookId, variables),
    'runs.list': ({ incidentId }) => runs.runsFor(incidentId),
    'runs.setVariables': ({ runId, variables }) => runs.setVariables(runId, variables),
    'runs.setItem': ({ runId, key, state, reason, confirmation }) => runs.setItem(runId, key, state, reason, confirmation),
  };
}
