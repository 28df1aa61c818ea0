// `holdfast bundle verify PATH`: checks an evidence bundle anyone sent you, offline and without the data
// folder it came from. Problems go to stdout, one per line, so they can be piped, diffed or attached.
import { resolve } from 'node:path';
import { verifyBundle } from '../../host/exports/bundleVerify';
import { UsageError, type CliCommand } from '../command';

const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check an evidence bundle (.tar.gz): file hashes and sizes, the manifest, the timeline hash chain',
  usage: 'PATH',
  async run(context) {
    const invocation = 'holdfast bundle verify';
    const [path, ...extra] = context.positionals;
    if (path === undefined || path.trim() === '') throw new UsageError('the path of a bundle (.tar.gz) is required', invocation);
    if (extra.length) throw new UsageError(`expected one bundle path, got ${context.positionals.length}`, invocation);
    const verdict = await verifyBundle(resolve(path));
    if (verdict.ok) {
      context.stdout.write(`ok: ${verdict.filesChecked} files verified\n`);
      return 0;
    }
    // One finding per line, whatever the message holds: a file name could contain a newline.
    for (const { file, problem } of verdict.problems) context.stdout.write(`${file}: ${problem}`.replace(/[\r\n]+/g, ' ') + '\n');
    return 1;
  },
};

export const bundleCommand: CliCommand = {
  name: 'bundle',
  summary: 'Work with evidence bundles exported from an incident',
  subcommands: [verifyCommand],
};
