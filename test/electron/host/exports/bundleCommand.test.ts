// `holdfast bundle verify PATH`, run in-process through the command object (it is registered in the
// command tree separately): output, exit codes and usage errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleCommand } from '../../../../electron/cli/commands/bundle';
import { UsageError, type CommandContext } from '../../../../electron/cli/command';
import { exportIncident } from '../../../../electron/host/exports/exportIncident';
import { readTarGzEntries, writeTarGzEntries } from '../../../helpers/tarArchive';
import { openFixture, workedIncident, type Fixture } from './incidentFixture';

const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((opened) => opened.close()));

function fakeContext(positionals: string[]): { context: CommandContext; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  const context: CommandContext = {
    options: {},
    positionals,
    dataDir: () => {
      throw new Error('bundle verify must not need a data folder');
    },
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  };
  return { context, out: () => stdout, err: () => stderr };
}

async function bundle(): Promise<string> {
  const opened = openFixture();
  fixtures.push(opened);
  const incident = await workedIncident(opened);
  const path = join(opened.dataDir, 'bundle.tar.gz');
  await exportIncident(opened.log, { incidentId: incident.id, format: 'bundle', outPath: path });
  return path;
}

const verify = bundleCommand.subcommands![0]!;

describe('holdfast bundle verify', () => {
  it('is the one subcommand of bundle, with its usage', () => {
    expect(bundleCommand.name).toBe('bundle');
    expect(bundleCommand.subcommands!.map((command) => command.name)).toEqual(['verify']);
    expect(verify.usage).toBe('PATH');
  });

  it('prints "ok: N files verified" and exits 0 for an intact bundle', async () => {
    const path = await bundle();
    const files = readTarGzEntries(readFileSync(path)).length;
    const { context, out, err } = fakeContext([path]);
    expect(await verify.run!(context)).toBe(0);
    expect(out()).toBe(`ok: ${files} files verified\n`);
    expect(err()).toBe('');
  });

  it('prints one "<file>: <problem>" line per problem and exits 1 for a tampered bundle', async () => {
    const path = await bundle();
    const entries = readTarGzEntries(readFileSync(path)).map((entry) => (entry.path === 'incident.json' ? { ...entry, body: Buffer.from('{"incident":"forged"}') } : entry));
    writeFileSync(path, writeTarGzEntries(entries));
    const { context, out } = fakeContext([path]);
    expect(await verify.run!(context)).toBe(1);
    const lines = out().trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^incident\.json: is \d+ bytes; the manifest says \d+$/), expect.stringMatching(/^incident\.json: content does not match the manifest/)]);
  });

  it('exits 1 naming the archive when it is not a bundle at all', async () => {
    const path = await bundle();
    writeFileSync(path, 'plain text');
    const { context, out } = fakeContext([path]);
    expect(await verify.run!(context)).toBe(1);
    expect(out()).toMatch(/^bundle\.tar\.gz: the gzip stream is damaged or cut short .*\n$/);
  });

  it('throws a UsageError (exit 2) without a path or with more than one', async () => {
    for (const positionals of [[], ['a.tar.gz', 'b.tar.gz']]) {
      const { context, out } = fakeContext(positionals);
      await expect(verify.run!(context)).rejects.toBeInstanceOf(UsageError);
      expect(out()).toBe('');
    }
  });
});
