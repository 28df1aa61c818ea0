// Contract handlers of the embedded terminals.
import { HoldfastError } from '../../contract';
import type { MethodHandlers } from '../dispatcher';
import type { IncidentLog } from '../incidentLog';
import type { RunbookLibrary } from '../runbooks/runbookLibrary';
import type { RunbookRunService } from '../runbooks/runbookRuns';
import { exportRecording, listRecordings } from './recordings';
import type { TerminalService } from './terminalService';
import { untrackedCommands } from './untrackedCommands';

type TerminalMethodName = Extract<keyof MethodHandlers, `terminals.${string}`>;

export interface TerminalHandlerDeps {
  terminals: TerminalService;
  dataDir: string;
  log: IncidentLog | undefined;
  library: RunbookLibrary;
  runs: RunbookRunService | undefined;
}

export function terminalHandlers({ terminals, dataDir, log, library, runs }: TerminalHandlerDeps): Pick<MethodHandlers, TerminalMethodName> {
  const requireLog = () => {
    if (!log) throw new HoldfastError('unavailable', 'The incident log is unavailable.');
    return log;
  };
  return {
    'terminals.open': (params) => terminals.open(params),
    'terminals.list': ({ incidentId }) => terminals.list(incidentId),
    'terminals.input': ({ terminalId, data, binary }) => {
      terminals.input(terminalId, binary ? Buffer.from(data, 'latin1') : data);
      return {};
    },
    'terminals.resize': ({ terminalId, cols, rows }) => {
      terminals.resize(terminalId, cols, rows);
      return {};
    },
    'terminals.rename': ({ terminalId, title }) => terminals.rename(terminalId, title),
    'terminals.close': async ({ terminalId }) => {
      await terminals.close(terminalId);
      return {};
    },
    'terminals.restart': ({ terminalId }) => terminals.restart(terminalId),
    'terminals.runItem': ({ terminalId, runId, key }) => terminals.runItem(terminalId, runId, key),
    'terminals.exportCast': async ({ terminalId }) => {
      const { info, path } = await terminals.recordingOf(terminalId);
      const label = info.incidentId && log ? log.incidents.require(info.incidentId).humanId : 'scratch';
      return exportRecording(dataDir, path, label, { terminalId, title: info.title });
    },
    'terminals.recordings': ({ incidentId }) => listRecordings(dataDir, requireLog().incidents.require(incidentId).id),
    'terminals.untrackedCommands': ({ incidentId }) => {
      const incidents = requireLog().incidents;
      const incident = incidents.require(incidentId);
      const inUse = incident.runbooks.flatMap((id) => library.get(id) ?? []);
      return untrackedCommands(incidents.store.fullTimeline(incident.id), inUse, runs?.runsFor(incident.id) ?? []);
    },
  };
}
