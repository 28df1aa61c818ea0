// A run's commands as shown (variables substituted, secrets masked) and as copied for the terminal (real
// values). The substitution itself is the contract's, so the console shows what the host records.
import { substituteVariables, type RunbookRun } from '../../../../electron/contract';

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

/** Secret variables this command uses whose values this window does not hold (e.g. after a reload). */
export function missingSecrets(run: RunbookRun, command: string, secrets: Readonly<Record<string, string>>): string[] {
  return secretNamesOf(run).filter((name) => !Object.hasOwn(secrets, name) && usesVariable(command, name));
}

export function usesVariable(command: string, name: string): boolean {
  return new RegExp(`\\$(\\{${name}\\}|${name}(?![A-Za-z0-9_]))`).test(command);
}
