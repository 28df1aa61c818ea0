// The command tree. Each later service adds its command module here (incident, evidence, runbook, ...).
import type { CliCommand } from '../command';
import { bundleCommand } from './bundle';
import { evidenceCommand } from './evidence';
import { runbookCommand } from './runbook';
import { exportCommand } from './incidentExport';
import { incidentCommandParts } from './incident';
import { showCommand } from './incidentShow';
import { serveCommand } from './serve';
import { startCommand } from './start';

export const rootCommand: CliCommand = {
  name: 'holdfast',
  summary: 'The on-call console',
  subcommands: [
    startCommand,
    serveCommand,
    {
      name: 'incident',
      summary: 'Incidents: declare, list, show, note, status, export',
      subcommands: [incidentCommandParts.declare, incidentCommandParts.list, showCommand, incidentCommandParts.note, incidentCommandParts.status, exportCommand],
    },
    evidenceCommand,
    runbookCommand,
    bundleCommand,
  ],
};
