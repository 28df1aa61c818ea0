// `holdfast incident …`: the incident log from the command line, on the same store as the console.
import { incidentStatuses, type IncidentStatus } from '../../contract';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { validated, withIncidentLog } from '../incidentLogAccess';
import { textTable, utcCell } from '../textTable';

const statusList = incidentStatuses.join('|');

function positional(context: CommandContext, index: number, name: string, invocation: string): string {
  const value = context.positionals[index];
  if (value === undefined || value.trim() === '') throw new UsageError(`missing ${name}`, invocation);
  return value;
}

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
}

function json(context: CommandContext, value: unknown): number {
  context.stdout.write(JSON.stringify(value, null, 2) + '\n');
  return 0;
}

const declare: CliCommand = {
  name: 'declare',
  summary: 'Declare an incident',
  usage: '--title T --severity S [--trigger ID] [--service NAME]... [--tenant ID]... [--commander NAME] [--scheme ID] [--drill] [--json]',
  optionHelp: [
    '--title T          What is happening, in a few words',
    '--severity S       A level of the severity scheme (e.g. SEV1, P2, "Severity 1")',
    '--trigger ID       Alert or trigger ID (e.g. INC-FLAG-OUTAGE)',
    '--service NAME     An affected service (repeat, or comma-separate)',
    '--tenant ID        An affected tenant (repeat, or comma-separate)',
    '--commander NAME   Incident commander',
    '--scheme ID        Severity scheme (default: the one in Settings): sev0-3, sev-1-2, p1-p4, severity-1-4',
    '--drill            Mark as a drill, not a real incident',
    '--json             Print the incident as JSON',
  ],
  options: {
    title: { type: 'string' },
    severity: { type: 'string' },
    trigger: { type: 'string' },
    service: { type: 'string', multiple: true },
    tenant: { type: 'string', multiple: true },
    commander: { type: 'string' },
    scheme: { type: 'string' },
    drill: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(context) {
    const invocation = 'holdfast incident declare';
    if (typeof context.options.title !== 'string') throw new UsageError('--title is required', invocation);
    if (typeof context.options.severity !== 'string') throw new UsageError('--severity is required', invocation);
    const params = validated(
      'incidents.declare',
      {
        title: context.options.title,
        severity: context.options.severity,
        triggerId: context.options.trigger as string | undefined,
        services: list(context.options.service),
        tenants: list(context.options.tenant),
        commander: context.options.commander as string | undefined,
        severityScheme: context.options.scheme as string | undefined,
        drill: context.options.drill === true,
      },
      { triggerId: '--trigger', services: '--service', tenants: '--tenant', severityScheme: '--scheme' },
    );
    return withIncidentLog(context, ({ incidents }) => {
      const incident = incidents.declare(params);
      if (context.options.json) return json(context, incident);
      context.stdout.write(`${incident.humanId}  ${incident.severity}  ${incident.title}\n`);
      return 0;
    });
  },
};

const listCommand: CliCommand = {
  name: 'list',
  summary: 'List incidents (newest first)',
  usage: '[--status S] [--severity S] [--search WORDS] [--json]',
  optionHelp: [`--status S       Only incidents in this status (${statusList})`, '--severity S     Only this severity', '--search WORDS   Full-text search of titles, notes, updates and text evidence', '--json           Print JSON'],
  options: { status: { type: 'string' }, severity: { type: 'string' }, search: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const status = context.options.status as string | undefined;
    if (status !== undefined && !incidentStatuses.includes(status as IncidentStatus)) {
      throw new UsageError(`--status must be one of ${statusList} (got "${status}")`, 'holdfast incident list');
    }
    const params = validated('incidents.list', { status: status as IncidentStatus | undefined, severity: context.options.severity as string | undefined, query: context.options.search as string | undefined }, { query: '--search' });
    return withIncidentLog(context, ({ incidents }) => {
      const found = incidents.list(params);
      if (context.options.json) return json(context, found);
      if (found.length === 0) {
        context.stdout.write('No incidents.\n');
        return 0;
      }
      const rows = found.map((incident) => [incident.humanId, incident.severity, incident.status, utcCell(incident.detectedAt), `${incident.drill ? '[drill] ' : ''}${incident.title}`]);
      context.stdout.write(textTable(['ID', 'SEVERITY', 'STATUS', 'DETECTED', 'TITLE'], rows));
      return 0;
    });
  },
};

const note: CliCommand = {
  name: 'note',
  summary: 'Add a note to the incident timeline',
  usage: 'ID TEXT',
  async run(context) {
    const invocation = 'holdfast incident note';
    const id = positional(context, 0, 'incident ID', invocation);
    const text = context.positionals.slice(1).join(' ');
    if (!text.trim()) throw new UsageError('missing TEXT', invocation);
    return withIncidentLog(context, ({ incidents }) => {
      const event = incidents.addNote(id, text);
      context.stdout.write(`${event.id}\n`);
      return 0;
    });
  },
};

const status: CliCommand = {
  name: 'status',
  summary: 'Move the incident to another status',
  usage: `ID STATUS   (STATUS: ${statusList})`,
  async run(context) {
    const invocation = 'holdfast incident status';
    const id = positional(context, 0, 'incident ID', invocation);
    const next = positional(context, 1, 'STATUS', invocation);
    if (!incidentStatuses.includes(next as IncidentStatus)) throw new UsageError(`STATUS must be one of ${statusList} (got "${next}")`, invocation);
    return withIncidentLog(context, ({ incidents }) => {
      const incident = incidents.setStatus(id, next as IncidentStatus);
      context.stdout.write(`${incident.humanId} is now ${incident.status}\n`);
      return 0;
    });
  },
};

export const incidentCommandParts = { declare, list: listCommand, note, status, positional, json };
