// `holdfast incident show ID`: the incident, its roles, action items, evidence and timeline.
import { describeTimelineEvent, findSeverityScheme } from '../../contract';
import type { CliCommand } from '../command';
import { validated, withIncidentLog } from '../incidentLogAccess';
import { textTable, utcCell } from '../textTable';
import { incidentCommandParts } from './incident';

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Show an incident with its timeline',
  usage: 'ID [--json]',
  optionHelp: ['--json   Print the incident, action items, evidence and whole timeline as JSON'],
  options: { json: { type: 'boolean' } },
  async run(context) {
    const id = incidentCommandParts.positional(context, 0, 'incident ID', 'holdfast incident show');
    validated('incidents.get', { incidentId: id }, { incidentId: 'ID' });
    return withIncidentLog(context, ({ incidents }) => {
      const detail = incidents.detail(id);
      const timeline = incidents.store.fullTimeline(detail.incident.id);
      if (context.options.json) return incidentCommandParts.json(context, { ...detail, timeline });
      const { incident } = detail;
      const level = findSeverityScheme(incident.severityScheme)?.levels.find((candidate) => candidate.id === incident.severity);
      const out = context.stdout;
      out.write(`${incident.humanId}  ${incident.title}${incident.drill ? '  [drill]' : ''}\n\n`);
      out.write(
        textTable(
          ['FIELD', 'VALUE'],
          [
            ['Severity', `${incident.severity}${level ? ` (respond: ${level.responseText})` : ''}`],
            ['Status', incident.status],
            ['Trigger', incident.triggerId || '—'],
            ['Services', incident.services.join(', ') || '—'],
            ['Tenants', incident.tenants.join(', ') || '—'],
            ['Commander', incident.roles.commander || '—'],
            ['Comms lead', incident.roles.communicationsLead || '—'],
            ['Responders', incident.roles.responders.join(', ') || '—'],
            ['Detected', utcCell(incident.detectedAt)],
            ['Acknowledged', utcCell(incident.acknowledgedAt)],
            ['Mitigated', utcCell(incident.mitigatedAt)],
            ['Resolved', utcCell(incident.resolvedAt)],
            ['Closed', utcCell(incident.closedAt)],
          ],
        ).split('\n').slice(1).join('\n'),
      );
      if (detail.actionItems.length) {
        out.write('\nAction items\n');
        out.write(textTable(['PRI', 'DONE', 'DUE', 'OWNER', 'ACTION'], detail.actionItems.map((item) => [item.priority, item.done ? 'yes' : 'no', item.due ?? '—', item.owner || '—', item.title])));
      }
      if (detail.evidence.length) {
        out.write('\nEvidence\n');
        out.write(textTable(['SHA-256', 'SIZE', 'NAME'], detail.evidence.map((item) => [item.sha256.slice(0, 16), String(item.size), item.name])));
      }
      out.write(`\nTimeline (${timeline.length} events)\n`);
      out.write(textTable(['TIME', 'BY', 'EVENT'], timeline.map((event) => [utcCell(event.occurredAt), event.author, describeTimelineEvent(event).replace(/\s*\n\s*/g, ' ⏎ ')])));
      return 0;
    });
  },
};
