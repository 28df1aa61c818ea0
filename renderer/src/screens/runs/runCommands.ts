// A run's commands as shown (variables substituted, secrets masked) and as copied for the terminal (real
// values). The substitution itself is the contract's, so the console shows what the host records.
import { substituteVariables, usesVariable, type RunbookRun } from '../../../../electron/contract';

export function secretNamesOf(run: RunbookRun): string[] {
  return (run.runbook.variables ?? []).filter((variable) => variable.secret).map((variable) => variable.name);
}

/** For display: every secret shows as the mask, known or not. */
export function displayCommand(run: RunbookRun, command: string): string {
  const secretNames = secretNamesOf(run);
  const masked = Object.fromEntries(secretNames.map((name) => [name, '']));
  return substituteVariables(command, { ...run.variables, ...masked }, { secretNames, maskSecrets: true });
}

/** For the terminal: the real values. */
export function runnableCommand(run: RunbookRun, command: string, secrets: Readonly<Record<string, string>>): string {
  return substituteVariables(command, { ...run.variables, ...secrets });
}

/**
 * Variables this command uses that have no value yet: left empty when the run started, or secrets this
 * window does not hold (it was reloaded). The command cannot run or be copied until they are set.
 */
export function unsetVariables(run: RunbookRun, command: string, secrets: Readonly<Record<string, string>>): string[] {
  return (run.runbook.variables ?? [])
    .filter((variable) => !(variable.secret ? secrets[variable.name] : run.variables[variable.name]) && usesVariable(command, variable.name))
    .map((variable) => variable.name);
}
