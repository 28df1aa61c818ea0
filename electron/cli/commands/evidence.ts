// `holdfast evidence …`: attach files to an incident; re-check every stored blob against its hash.
import { UsageError, type CliCommand } from '../command';
import { withIncidentLog } from '../incidentLogAccess';
import { incidentCommandParts } from './incident';

const add: CliCommand = {
  name: 'add',
  summary: 'Attach a file to an incident as hashed evidence',
  usage: 'ID FILE',
  async run(context) {
    const invocation = 'holdfast evidence add';
    const id = incidentCommandParts.positional(context, 0, 'incident ID', invocation);
    const file = incidentCommandParts.positional(context, 1, 'FILE', invocation);
    if (context.positionals.length > 2) throw new UsageError('add one file at a time', invocation);
    return withIncidentLog(context, async ({ evidence }) => {
      const added = await evidence.add(id, { kind: 'file', path: file });
      context.stdout.write(`${added.sha256}  ${added.size} bytes  ${added.name}\n`);
      return 0;
    });
  },
};

const verify: CliCommand = {
  name: 'verify',
  summary: 'Re-hash every evidence blob; report any that are missing or changed',
  usage: '',
  async run(context) {
    return withIncidentLog(context, async ({ incidents, evidence }) => {
      const blobs = incidents.store.referencedBlobs();
      const problems = await evidence.blobs.verify(blobs);
      for (const problem of problems) context.stdout.write(`${problem.problem}: sha256:${problem.sha256}: ${problem.detail}\n`);
      context.stdout.write(problems.length ? `${problems.length} of ${blobs.length} evidence blobs failed verification\n` : `ok: ${blobs.length} evidence blobs verified\n`);
      return problems.length ? 1 : 0;
    });
  },
};

export const evidenceCommand: CliCommand = { name: 'evidence', summary: 'Evidence: attach files, verify stored blobs', subcommands: [add, verify] };
