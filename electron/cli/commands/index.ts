// The command tree. Each later service adds its command module here (incident, evidence, runbook, ...).
import type { CliCommand } from '../command';
import { serveCommand } from './serve';
import { startCommand } from './start';

export const rootCommand: CliCommand = {
  name: 'holdfast',
  summary: 'The on-call console',
  subcommands: [startCommand, serveCommand],
};
