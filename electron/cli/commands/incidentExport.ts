// `holdfast incident export ID --format postmortem|log|bundle|cast --out PATH`: the same exports as the console.
import { resolve } from 'node:path';
import { exportFormats, formatBytes } from '../../contract';
import { exportIncident, type ExportFormat } from '../../host/exports/exportIncident';
import type { IncidentLog } from '../../host/incidentLog';
import { copyRecording, listRecordings, recordingPath } from '../../host/terminal/recordings';
import { UsageError, type CliCommand } from '../command';
import { withIncidentLog } from '../incidentLogAccess';
import { incidentCommandParts } from './incident';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a post-mortem, an incident-log entry or an evidence bundle',
  usage: 'ID --format postmortem|log|bundle|cast --out PATH [--terminal TERMINAL]',
  optionHelp: [
    '--format F   postmortem (Markdown), log (incident-log entry, Markdown), bundle (.tar.gz with manifest)',
    '             or cast (a terminal session as an asciinema v2 recording)',
    '--out PATH   Where to write it (replaced atomically if it exists)',
    '--terminal T With --format cast: which terminal, when the incident had more than one',
  ],
  options: { format: { type: 'string' }, out: { type: 'string' }, terminal: { type: 'string' } },
  async run(context) {
    const invocation = 'holdfast incident export';
    const id = incidentCommandParts.positional(context, 0, 'incident ID', invocation);
    const format = context.options.format;
    const formats = [...exportFormats, 'cast'];
    if (typeof format !== 'string' || !formats.includes(format)) {
      throw new UsageError(`--format must be one of ${formats.join(', ')}${typeof format === 'string' ? ` (got "${format}")` : ''}`, invocation);
    }
    if (typeof context.options.out !== 'string' || !context.options.out.trim()) throw new UsageError('--out PATH is required', invocation);
    const outPath = resolve(context.options.out);
    const terminal = typeof context.options.terminal === 'string' ? context.options.terminal : undefined;
    return withIncidentLog(context, async (log) => {
      const incident = log.incidents.require(id);
      if (format === 'cast') {
        const written = await exportCast(log, incident.id, incident.humanId, outPath, terminal, invocation);
        context.stdout.write(`${written.path}  ${formatBytes(written.bytes)}\n`);
        return 0;
      }
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

async function exportCast(log: IncidentLog, incidentId: string, humanId: string, outPath: string, terminal: string | undefined, invocation: string) {
  const recordings = listRecordings(log.dataDir, incidentId);
  if (recordings.length === 0) throw new UsageError(`${humanId} has no terminal recordings (no terminal was opened in it)`, invocation);
  const chosen = terminal ? recordings.filter((recording) => recording.terminalId === terminal || recording.title === terminal) : recordings;
  if (chosen.length !== 1) {
    const listed = recordings.map((recording) => `${recording.terminalId} (${recording.title}, started ${recording.startedAt})`).join('; ');
    const why = terminal ? `no terminal "${terminal}" in ${humanId}` : `${humanId} has ${recordings.length} terminal recordings`;
    throw new UsageError(`${why}: ${listed}; choose one with --terminal ID`, invocation);
  }
  const source = recordingPath(log.dataDir, incidentId, chosen[0]!.terminalId);
  return copyRecording(source, outPath);
}
