// `holdfast incident export ID --format postmortem|log|bundle --out PATH`: the same exports as the console.
import { resolve } from 'node:path';
import { exportFormats, formatBytes } from '../../contract';
import { exportIncident, type ExportFormat } from '../../host/exports/exportIncident';
import { UsageError, type CliCommand } from '../command';
import { withIncidentLog } from '../incidentLogAccess';
import { incidentCommandParts } from './incident';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a post-mortem, an incident-log entry or an evidence bundle',
  usage: 'ID --format postmortem|log|bundle --out PATH',
  optionHelp: ['--format F   postmortem (Markdown), log (incident-log entry, Markdown) or bundle (.tar.gz with manifest)', '--out PATH   Where to write it (replaced atomically if it exists)'],
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(context) {
    const invocation = 'holdfast incident export';
    const id = incidentCommandParts.positional(context, 0, 'incident ID', invocation);
    const format = context.options.format;
    if (typeof format !== 'string' || !exportFormats.includes(format as ExportFormat)) {
      throw new UsageError(`--format must be one of ${exportFormats.join(', ')}${typeof format === 'string' ? ` (got "${format}")` : ''}`, invocation);
    }
    if (typeof context.options.out !== 'string' || !context.options.out.trim()) throw new UsageError('--out PATH is required', invocation);
    const outPath = resolve(context.options.out);
    return withIncidentLog(context, async (log) => {
      const incident = log.incidents.require(id);
      const showProgress = format === 'bundle' && 'isTTY' in context.stderr && context.stderr.isTTY;
      const written = await exportIncident(log, {
        incidentId: incident.id,
        format: format as ExportFormat,
        outPath,
        exportedBy: log.author(),
        onProgress: showProgress ? ({ done, total, stage }) => context.stderr.write(`\r${stage}: ${formatBytes(done)} of ${formatBytes(total)}   `) : undefined,
      });
      if (showProgress) context.stderr.write('\n');
      context.stdout.write(`${written.path}  ${formatBytes(written.bytes)}\n`);
      return 0;
    });
  },
};
