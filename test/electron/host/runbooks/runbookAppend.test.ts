// Adding a command from an incident to a runbook file as its new last step, in a real user folder loaded by
// the real library: YAML (the rest of the file exactly as it was), Markdown (read back by the importer with
// the exact command), and the refusals: built-in runbooks, read-only files, and files whose structure would
// not end in the new step, all of which leave the file byte for byte as it was.
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoldfastError, type LibraryRunbook } from '../../../../electron/contract';
import { appendCommandStep } from '../../../../electron/host/runbooks/runbookAppend';
import { RunbookLibrary, type RunbookFolder } from '../../../../electron/host/runbooks/runbookLibrary';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const shippedYaml = resolve(__dirname, '../../../../runbooks/database-issues.yaml');

const diskFullMarkdown = `---
id: disk-full
---

# Disk full on a node

A node's disk is filling up; free space before pods are evicted.

## Steps

1. Find what is big:

   \`\`\`bash
   du -xh / 2>/dev/null | sort -h | tail -20
   \`\`\`

2. Vacuum the journal:

   \`\`\`bash
   journalctl --vacuum-size=500M
   \`\`\`

3. Check the space is back:

   \`\`\`bash
   df -h /
   \`\`\`
`;

let dir: ReturnType<typeof makeTempDataDir>;
let team: string;
beforeEach(() => {
  dir = makeTempDataDir('holdfast-append-');
  team = join(dir.path, 'team-runbooks');
  mkdirSync(team);
});
afterEach(() => dir.remove());

function libraryOf(...folders: RunbookFolder[]): RunbookLibrary {
  return new RunbookLibrary(() => (folders.length ? folders : [{ path: team, origin: 'user' }]));
}

/** Loads one runbook through the library and checks the file loaded cleanly. */
function loaded(library: RunbookLibrary, id: string): LibraryRunbook {
  library.reload();
  expect(library.problems()).toEqual([]);
  return library.require(id);
}

/** Everything about a file that a refused change must leave alone. */
function fingerprint(path: string) {
  const stats = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), mode: stats.mode, ino: stats.ino, mtimeMs: stats.mtimeMs };
}

async function refusal(runbook: LibraryRunbook, command = 'uptime', description = 'Check the load'): Promise<HoldfastError> {
  const error = await appendCommandStep(runbook, command, description).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HoldfastError);
  return error as HoldfastError;
}

describe('a YAML runbook', () => {
  let path: string;
  let original: string;
  beforeEach(() => {
    path = join(team, 'database-issues.yaml');
    copyFileSync(shippedYaml, path);
    original = readFileSync(path, 'utf8');
  });

  it('gets a new last step numbered after the highest, and the rest of the file stays exactly as it was', async () => {
    const library = libraryOf();
    const before = loaded(library, 'database-issues');
    const highest = Math.max(...before.steps.map((step) => step.order));

    const result = await appendCommandStep(before, 'kubectl -n $NAMESPACE get pods -o wide', 'List the database pods and their nodes');
    expect(result).toEqual({ path, order: highest + 1 });

    // One insertion, nothing else touched: comments, folded paragraphs, flow lists and all.
    const text = readFileSync(path, 'utf8');
    let at = 0;
    while (text[at] === original[at]) at++;
    const inserted = text.slice(at, at + text.length - original.length);
    expect(text.slice(0, at) + text.slice(at + inserted.length)).toBe(original);
    expect(inserted).toContain('List the database pods and their nodes');
    for (const comment of original.split('\n').filter((line) => line.trimStart().startsWith('#'))) expect(text).toContain(comment);

    const after = loaded(library, 'database-issues');
    expect(after.steps.slice(0, -1)).toEqual(before.steps);
    expect(after.steps.at(-1)).toEqual({ order: highest + 1, description: 'List the database pods and their nodes', command: 'kubectl -n $NAMESPACE get pods -o wide' });
  });

  it('keeps a multi-line command with continuations exactly', async () => {
    const library = libraryOf();
    const command = 'kubectl -n $NAMESPACE rollout restart \\\n  deployment/api\nkubectl -n $NAMESPACE rollout status deployment/api --timeout=120s';
    await appendCommandStep(loaded(library, 'database-issues'), command, 'Restart the API: "recycle" its connections #2');
    const last = loaded(library, 'database-issues').steps.at(-1)!;
    expect(last.command).toBe(command);
    expect(last.description).toBe('Restart the API: "recycle" its connections #2');
  });

  it('keeps the file mode, and changes the linked file when the runbook is a symbolic link', async () => {
    const elsewhere = join(dir.path, 'checkout', 'database-issues.yaml');
    mkdirSync(join(dir.path, 'checkout'));
    copyFileSync(shippedYaml, elsewhere);
    chmodSync(elsewhere, 0o640);
    const linkFolder = join(dir.path, 'linked');
    mkdirSync(linkFolder);
    symlinkSync(elsewhere, join(linkFolder, 'database-issues.yaml'));
    const library = libraryOf({ path: linkFolder, origin: 'user' });

    await appendCommandStep(loaded(library, 'database-issues'), 'pg_isready -h db', 'Check the primary answers');
    expect(lstatSync(join(linkFolder, 'database-issues.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(elsewhere).mode & 0o777).toBe(0o640);
    expect(loaded(library, 'database-issues').steps.at(-1)!.command).toBe('pg_isready -h db');
  });

  it('keeps Windows line endings', async () => {
    const crlf = join(team, 'restart.yaml');
    writeFileSync(crlf, 'id: restart\r\ntitle: Restart\r\nsteps:\r\n  - order: 1\r\n    description: Restart\r\n    command: systemctl restart api\r\n');
    const library = libraryOf();
    await appendCommandStep(loaded(library, 'restart'), 'systemctl status api', 'Check it came back');
    expect(readFileSync(crlf, 'utf8')).not.toMatch(/[^\r]\n/);
    expect(loaded(library, 'restart').steps.at(-1)).toMatchObject({ order: 2, command: 'systemctl status api' });
  });

  it('with its steps written as a flow list [ … ] also gets the step', async () => {
    writeFileSync(join(team, 'flow.yaml'), 'id: flow\ntitle: Flow\n# the steps, compact\nsteps: [{ order: 1, description: Check pods, command: kubectl get pods }]\n');
    const library = libraryOf();
    await appendCommandStep(loaded(library, 'flow'), 'kubectl get events --sort-by=.lastTimestamp', 'Recent events');
    const after = loaded(library, 'flow');
    expect(after.steps.map((step) => step.command)).toEqual(['kubectl get pods', 'kubectl get events --sort-by=.lastTimestamp']);
    expect(readFileSync(join(team, 'flow.yaml'), 'utf8')).toContain('# the steps, compact');
  });

  it('is refused, untouched, when it changed on disk since the library read it and the new number is taken', async () => {
    const library = libraryOf();
    const stale = loaded(library, 'database-issues');
    const highest = Math.max(...stale.steps.map((step) => step.order));
    // A teammate's step arrives with a git pull; the library has not reloaded yet.
    writeFileSync(path, original.replace('\nverification:', `  - order: ${highest + 1}\n    description: Teammate's step\n    command: echo hi\n\nverification:`));
    const before = fingerprint(path);
    const error = await refusal(stale);
    expect(error.message).toMatch(/Adding the step would have broken .*database-issues\.yaml \(.*order \d+ is already used.*\); the file was left as it was\./);
    expect(fingerprint(path)).toEqual(before);
  });
});

describe('a Markdown runbook', () => {
  let path: string;
  beforeEach(() => {
    path = join(team, 'disk-full.md');
    writeFileSync(path, diskFullMarkdown);
  });

  it('gets a heading and a bash block after its last step, read back as a sibling step with the exact command', async () => {
    const library = libraryOf();
    const before = loaded(library, 'disk-full');
    const result = await appendCommandStep(before, 'df -h /var/lib/postgresql', 'Check the data volume');
    expect(result).toEqual({ path, order: 4 });
    expect(readFileSync(path, 'utf8').startsWith(diskFullMarkdown.trimEnd())).toBe(true);

    const after = loaded(library, 'disk-full');
    expect(after.steps.slice(0, -1)).toEqual(before.steps);
    expect(after.steps.at(-1)).toMatchObject({ order: 4, description: 'Check the data volume', command: 'df -h /var/lib/postgresql' });
  });

  it('takes commands holding backticks, ``` runs and several lines, one after another', async () => {
    const library = libraryOf();
    const commands = [
      'kill -HUP `pgrep -f journald`',
      'printf \'```\\n%s\\n```\\n\' "$(df -h /)" > /tmp/df.md',
      'sudo journalctl --rotate && \\\n  sudo journalctl --vacuum-time=2d\nsudo systemctl restart kubelet',
    ];
    for (const [n, command] of commands.entries()) {
      await appendCommandStep(loaded(library, 'disk-full'), command, `Added step ${n + 1}`);
      const steps = loaded(library, 'disk-full').steps;
      expect(steps).toHaveLength(4 + n);
      expect(steps.at(-1)).toMatchObject({ description: `Added step ${n + 1}`, command });
    }
  });

  it('that loads with a warning (a bad front matter id) still takes a step', async () => {
    writeFileSync(path, diskFullMarkdown.replace('id: disk-full', 'id: "Disk Full!"'));
    const library = libraryOf();
    library.reload();
    expect(library.problems()[0]!.problems[0]!.message).toMatch(/front matter id/);
    await appendCommandStep(library.require('disk-full'), 'ncdu -x /var', 'Browse what is big');
    library.reload();
    expect(library.require('disk-full').steps.at(-1)!.command).toBe('ncdu -x /var');
  });

  it('ending in an unclosed HTML comment, which would swallow the step, is refused and untouched', async () => {
    writeFileSync(path, `${diskFullMarkdown}\n<!-- TODO: steps for LVM volumes\n`);
    const library = libraryOf();
    const runbook = loaded(library, 'disk-full');
    const before = fingerprint(path);
    const error = await refusal(runbook);
    expect(error.message).toMatch(/read back as the last step.*left as it was/);
    expect(fingerprint(path)).toEqual(before);
  });

  it('ending in an unclosed code block is refused and untouched', async () => {
    writeFileSync(path, `${diskFullMarkdown}\n## Clean up\n\n\`\`\`bash\nrm -rf /var/tmp/core.*\n`);
    const library = libraryOf();
    const runbook = loaded(library, 'disk-full');
    const before = fingerprint(path);
    await refusal(runbook);
    expect(fingerprint(path)).toEqual(before);
  });
});

describe('runbooks that cannot take a step', () => {
  it('a built-in runbook is refused with what to do instead, and the file is untouched', async () => {
    const shipped = join(dir.path, 'shipped');
    mkdirSync(shipped);
    const path = join(shipped, 'database-issues.yaml');
    copyFileSync(shippedYaml, path);
    const before = fingerprint(path);
    const error = await refusal(loaded(libraryOf({ path: shipped, origin: 'built-in' }), 'database-issues'));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/built-in runbook.*copy it into one of your runbook folders \(Settings → Runbook folders\) and add the step there/);
    expect(fingerprint(path)).toEqual(before);
  });

  it('a read-only file is refused and untouched', async (context) => {
    if (process.getuid?.() === 0) context.skip('running as root, which writes to read-only files anyway');
    const path = join(team, 'database-issues.yaml');
    copyFileSync(shippedYaml, path);
    const runbook = loaded(libraryOf(), 'database-issues');
    chmodSync(path, 0o444);
    const before = fingerprint(path);
    expect((await refusal(runbook)).message).toBe(`${path} is not writable, so the step cannot be added.`);
    expect(fingerprint(path)).toEqual(before);
  });
});
