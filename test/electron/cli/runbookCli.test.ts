// `holdfast runbook lint|show|import`, run in-process through the command object (it is registered in the
// command tree separately), on real files: output lines, positions, exit codes and usage errors.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandError, UsageError, type CommandContext } from '../../../electron/cli/command';
import { rootCommand } from '../../../electron/cli/commands';
import { builtInRunbookFolder, describeRunbook, runbookCommand } from '../../../electron/cli/commands/runbook';
import { parseYamlRunbook } from '../../../electron/host/runbooks/yamlRunbook';
import { runInProcess } from '../../helpers/cliRunner';

const root = mkdtempSync(join(tmpdir(), 'holdfast-runbook-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string | Buffer): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function fakeContext(positionals: string[], options: CommandContext['options'] = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  const context: CommandContext = {
    options,
    positionals,
    dataDir: () => {
      throw new Error('runbook commands must not need a data folder');
    },
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  };
  return { context, out: () => stdout, err: () => stderr };
}

const [lint, show, importCommand] = runbookCommand.subcommands!;
const run = async (command: typeof lint, positionals: string[], options: CommandContext['options'] = {}) => {
  const fake = fakeContext(positionals, options);
  const code = await command!.run!(fake.context);
  return { code, stdout: fake.out(), stderr: fake.err() };
};

const diskFull = `# yaml-language-server: $schema=../resources/schemas/runbook.schema.json
id: disk-full
title: Disk full
scenario: A data volume is above 95%
severity: P2
variables:
  - name: HOST
    default: db-1
  - name: SSH_KEY_PASSPHRASE
    secret: true
steps:
  - order: 2
    description: Clean old WAL segments
    command: |
      ssh "$HOST" sudo -u postgres \\
        pg_archivecleanup /var/lib/postgresql/wal 000000010000000000000042
    expectedOutcome: Usage below 80%
    rollbackProcedure: Restore the segments from the archive bucket
    requires: [network, vpn]
    offlineAlternative: Ask the hosting provider to extend the volume
  - order: 1
    description: Find what grew
    command: du -xh / | sort -h | tail
verification:
  - description: Usage is back to normal
    command: df -h /var/lib/postgresql
exitCriteria:
  - Usage below 80% for an hour
escalation:
  - level: 1
    role: Database on-call
    timeLimitMinutes: 30
contacts:
  - role: DBA
    name: DBA team
    slack: "#dba"
`;

const library = join(root, 'library');
write('library/storage/disk-full.yaml', diskFull);
write('library/network/dns.yaml', diskFull.replace('id: disk-full', 'id: dns').replace('title: Disk full', 'title: DNS failures'));
write('library/broken.yaml', diskFull.replace('id: dns', 'id: broken').replace('  - order: 1\n', '  - order: 2\n').replace('id: disk-full', 'id: broken'));
write('library/README.md', '# Team runbooks\n');

describe('holdfast runbook lint', () => {
  it('lints a folder: the bad file gets path:line:col lines, the others are still checked, exit 1', async () => {
    const given = relative(process.cwd(), library);
    const result = await run(lint, [given]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${join(given, 'broken.yaml')}:21:12: steps[1].order: order 2 is already used by steps[0] (line 12)\n`);
    expect(result.stderr).toBe('checked 3 runbook files: 1 problem in 1 file\n');
  });

  it('exits 0 with a summary on stderr and nothing on stdout when every file is clean', async () => {
    const result = await run(lint, [join(library, 'storage'), join(library, 'network/dns.yaml')]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'checked 2 runbook files: no problems\n' });
  });

  it('reports malformed YAML, wrong types, unknown fields, empty steps, huge and binary files, one line each', async () => {
    const files = [
      write('mixed/malformed.yaml', 'id: a\ntitle: "never closed\nsteps: []\n'),
      write('mixed/types.yaml', 'id: a\ntitle: t\nsteps:\n  - order: first\n    description: d\n'),
      write('mixed/unknown.yaml', 'id: a\ntitle: t\nowner: sre\nsteps:\n  - order: 1\n    description: d\n'),
      write('mixed/empty-steps.yaml', 'id: a\ntitle: t\nsteps: []\n'),
      write('mixed/binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
    ];
    const huge = join(root, 'mixed/huge.yaml');
    writeFileSync(huge, '');
    await import('node:fs').then(({ truncateSync }) => truncateSync(huge, 50 * 1024 * 1024));
    const result = await run(lint, [...files, huge]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `${files[0]}:3:10: invalid YAML: Missing closing "quote`,
      `${files[1]}:4:12: steps[0].order: must be a number, not text "first"`,
      expect.stringMatching(new RegExp(`^${files[2]}:3:1: owner: unknown field \\(allowed here: id, title, `)),
      `${files[3]}:3:8: steps: a runbook needs at least one step`,
      `${files[4]}:1:1: binary file, not a runbook`,
      `${huge}:1:1: file is 50 MiB; runbooks are limited to 5 MiB`,
    ]);
    expect(result.stderr).toBe('checked 6 runbook files: 6 problems in 6 files\n');
  });

  it('flags a runbook id used by two files, as the library would', async () => {
    const copy = write('dupes/copy.yaml', diskFull);
    const result = await run(lint, [join(library, 'storage/disk-full.yaml'), copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${copy}:1:1: runbook id "disk-full" is already used by ${join(library, 'storage/disk-full.yaml')}\n`);
  });

  it('throws a usage error (exit 2) without a path, and reports a missing path as a problem', async () => {
    await expect(run(lint, [])).rejects.toBeInstanceOf(UsageError);
    const missing = join(root, 'nowhere');
    expect(await run(lint, [missing])).toEqual({ code: 1, stdout: `${missing}:1:1: cannot read: no such file (ENOENT)\n`, stderr: 'checked 1 runbook file: 1 problem in 1 file\n' });
  });

  it('finds every built-in runbook clean', async () => {
    const result = await run(lint, [builtInRunbookFolder()]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('holdfast runbook show', () => {
  it('shows a file: title, fields, variables (secret marked), steps in order with indented commands, the rest', async () => {
    const result = await run(show, [join(library, 'storage/disk-full.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(describeRunbook(parseYamlRunbook('x.yaml', diskFull).runbook!));
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Disk full  (disk-full)', 'Scenario: A data volume is above 95%', 'Severity: P2']);
    expect(lines).toContain('  - $HOST (default: db-1)');
    expect(lines).toContain('  - $SSH_KEY_PASSPHRASE (secret)');
    const steps = lines.slice(lines.indexOf('Steps'));
    expect(steps.slice(1, 12)).toEqual([
      '  1. Find what grew',
      '       du -xh / | sort -h | tail',
      '  2. Clean old WAL segments',
      '     Requires: network, vpn',
      '     Offline: Ask the hosting provider to extend the volume',
      '       ssh "$HOST" sudo -u postgres \\',
      '         pg_archivecleanup /var/lib/postgresql/wal 000000010000000000000042',
      '     Expected: Usage below 80%',
      '     Rollback: Restore the segments from the archive bucket',
      '',
      'Verification',
    ]);
    for (const text of ['Exit criteria', '  - Usage below 80% for an hour', '  1. Database on-call (escalate after 30 min)', '  - DBA: DBA team, slack #dba']) expect(lines).toContain(text);
  });

  it('prints the normalised runbook as JSON with --json', async () => {
    const result = await run(show, [join(library, 'storage/disk-full.yaml')], { json: true });
    expect(JSON.parse(result.stdout)).toEqual(parseYamlRunbook('x.yaml', diskFull).runbook);
  });

  it('finds an ID in --library folders and in the built-in library', async () => {
    const byId = await run(show, ['dns'], { library: [library], json: true });
    expect(JSON.parse(byId.stdout).title).toBe('DNS failures');
    const builtIn = await run(show, ['database-outage']);
    expect(builtIn.stdout.split('\n')[0]).toBe('Database Connection Failure  (database-outage)');
  });

  it('says where it looked for an unknown ID (exit 1), prints a bad file’s problems, and rejects a missing --library', async () => {
    await expect(run(show, ['no-such-runbook'], { library: [library] })).rejects.toThrow(CommandError);
    await expect(run(show, ['no-such-runbook'], { library: [library] })).rejects.toThrow(/searched .*library\); 1 file has problems \(run "holdfast runbook lint /);
    const broken = await run(show, [join(library, 'broken.yaml')]);
    expect(broken).toEqual({ code: 1, stdout: '', stderr: `${join(library, 'broken.yaml')}:21:12: steps[1].order: order 2 is already used by steps[0] (line 12)\n` });
    await expect(run(show, ['dns'], { library: [join(root, 'missing-folder')] })).rejects.toBeInstanceOf(UsageError);
    await expect(run(show, [])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('holdfast runbook import', () => {
  const markdown = write('md/disk-full.md', '---\nid: disk-full\ntitle: Disk full\nseverity: P2\n---\n\n# Disk full\n\n## Find what grew\n\n```bash\ndu -xh / | sort -h | tail\n```\n\n## Clean old WAL\n\n```bash\npg_archivecleanup /wal 000000010000000000000042\n```\n');

  it('converts Markdown to native YAML on stdout, with the schema comment, that loads as the same runbook', async () => {
    const result = await run(importCommand, [markdown]);
    expect(result.code).toBe(0);
    const [comment, ...rest] = result.stdout.split('\n');
    expect(comment).toMatch(/^# yaml-language-server: \$schema=(\.\.?\/)+.*resources\/schemas\/runbook\.schema\.json$/);
    const parsed = parseYamlRunbook('out.yaml', rest.join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.runbook?.steps.map((step) => step.command)).toEqual(['du -xh / | sort -h | tail', 'pg_archivecleanup /wal 000000010000000000000042']);
  });

  it('writes --out atomically, the schema path relative to where the file lands', async () => {
    const out = join(root, 'resources-like/runbooks/disk-full.yaml');
    mkdirSync(join(root, 'resources-like/runbooks'), { recursive: true });
    const result = await run(importCommand, [markdown], { out });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${out}  \\d+ B\\n$`));
    const written = readFileSync(out, 'utf8');
    const schemaPath = written.split('\n')[0]!.replace('# yaml-language-server: $schema=', '');
    expect(existsSync(join(root, 'resources-like/runbooks', schemaPath))).toBe(true);
    expect(parseYamlRunbook(out, written).runbook?.id).toBe('disk-full');
  });

  it('exits 1 with positions when the Markdown has problems, writing nothing', async () => {
    const empty = write('md/empty.md', '# Nothing to run here\n\nJust prose.\n');
    const out = join(root, 'md/empty.yaml');
    const result = await run(importCommand, [empty], { out });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${empty}:\\d+:\\d+: no steps found`));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses usage mistakes: no file, a non-Markdown file, an empty --out', async () => {
    await expect(run(importCommand, [])).rejects.toBeInstanceOf(UsageError);
    await expect(run(importCommand, [join(library, 'storage/disk-full.yaml')])).rejects.toThrow(/Markdown runbooks/);
    await expect(run(importCommand, [markdown], { out: ' ' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('holdfast runbook in the command tree', () => {
  const registered = rootCommand.subcommands?.some((command) => command.name === 'runbook') ?? false;

  it.runIf(registered)('runs through the CLI with exit codes 0, 1 and 2', async () => {
    expect((await runInProcess('runbook', 'lint', join(library, 'storage'))).code).toBe(0);
    expect((await runInProcess('runbook', 'lint', library)).code).toBe(1);
    const usage = await runInProcess('runbook', 'lint');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^holdfast runbook lint: at least one runbook file or folder is required/);
  });
});
