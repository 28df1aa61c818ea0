// Opens the incident log of the chosen data dir for one CLI command, with the user's settings (read from
// the same settings.json the console uses), and closes it afterwards. The console may be running on the
// same data dir at the same time: SQLite's WAL and busy timeout make that safe.
import Conf from 'conf';
import { describeIssues } from '../host/dispatcher';
import { openIncidentLog, type IncidentLog } from '../host/incidentLog';
import { openSettingsStore } from '../host/settings/settingsStore';
import { HoldfastError, methods, settingsSchema, type MethodName, type ParamsOf, type Settings } from '../contract';
import { CommandError, type CommandContext } from './command';

export async function withIncidentLog<T>(context: CommandContext, work: (log: IncidentLog, settings: Settings) => Promise<T> | T): Promise<T> {
  const dataDir = context.dataDir();
  const settings = settingsSchema.parse(openSettingsStore(dataDir, (options) => new Conf<Settings>(options)).store.store);
  let log: IncidentLog;
  try {
    log = openIncidentLog({ dataDir, settings: () => settings });
  } catch (error) {
    throw asCommandError(error);
  }
  try {
    return await work(log, settings);
  } catch (error) {
    throw asCommandError(error);
  } finally {
    log.close();
  }
}

/** Checks CLI input against the same contract schema the console uses; names the option that is wrong. */
export function validated<M extends MethodName>(method: M, params: ParamsOf<M>, optionNames: Record<string, string> = {}): ParamsOf<M> {
  const parsed = methods[method].params.safeParse(params);
  if (parsed.success) return parsed.data as ParamsOf<M>;
  const problems = describeIssues(parsed.error, 'params').map((issue) => {
    const field = issue.path.replace(/^params\.?/, '').split('.')[0] ?? '';
    return `${optionNames[field] ?? `--${field}`}: ${issue.message}`;
  });
  throw new CommandError(problems.join('; '));
}

function asCommandError(error: unknown): unknown {
  return error instanceof HoldfastError ? new CommandError(error.message) : error;
}
