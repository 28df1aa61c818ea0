// What `holdfast start` and `holdfast serve` hand to other processes, run as users run them (the CLI built
// from this working tree, as a child process) with a stand-in Chromium and a stand-in xdg-open that record
// their command lines. A command line is readable by every local user (/proc/PID/cmdline): it may carry a
// single-use launch code, never the launch token.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../helpers/http';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { buildCliFromSource, killByPidFile, spawnCli, waitFor, type CliBuild, type CliProcess } from './cliChildProcess';

// Records its arguments, then on SIGTERM takes its time and writes to its profile on the way out, as Chromium
// does; the `.exited` file says it has finished. The trap is set before the record is written: the test may
// signal as soon as it sees the record.
const fakeChromium = `#!/bin/bash
echo $$ > "$HOLDFAST_TEST_RECORD.pid"
for arg; do case $arg in --user-data-dir=*) profile=\${arg#--user-data-dir=};; esac; done
trap 'sleep 0.5; mkdir -p "$profile/Default"; echo {} > "$profile/Default/Preferences"; touch "$HOLDFAST_TEST_RECORD.exited"; exit 0' TERM
printf '%s\\n' "$@" > "$HOLDFAST_TEST_RECORD.partial" && mv "$HOLDFAST_TEST_RECORD.partial" "$HOLDFAST_TEST_RECORD"
while :; do sleep 0.1; done
`;
const fakeOpener = `#!/bin/sh
printf '%s\\n' "$@" > "$HOLDFAST_TEST_RECORD.partial" && mv "$HOLDFAST_TEST_RECORD.partial" "$HOLDFAST_TEST_RECORD"
`;

let sourceBuild: CliBuild;
beforeAll(async () => {
  sourceBuild = await buildCliFromSource();
}, 60_000);
afterAll(() => sourceBuild?.remove());

const temps: ReturnType<typeof makeTempDataDir>[] = [];
const launches: Pick<Launch, 'cli' | 'recordFile'>[] = [];
afterEach(() => {
  // Should a test fail half-way, neither the CLI nor its stand-in browser outlives it.
  for (const { cli, recordFile } of launches.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    killByPidFile(`${recordFile}.pid`);
  }
  for (const temp of temps.splice(0)) temp.remove();
});

interface Launch {
  cli: CliProcess;
  /** The token from the line printed on stdout. */
  token: string;
  port: number;
  /** The stand-in's command line, once it has run. */
  recordedArgs(): Promise<string[]>;
  recordFile: string;
  /** Where the CLI's temporary folders go (TMPDIR). */
  tmpDir: string;
}

async function launch(command: 'start' | 'serve'): Promise<Launch> {
  const temp = makeTempDataDir('holdfast-launch-');
  temps.push(temp);
  const folder = (name: string) => {
    const path = join(temp.path, name);
    mkdirSync(path);
    return path;
  };
  const [bin, home, dataDir, tmpDir] = [folder('bin'), folder('home'), folder('data'), folder('tmp')];
  const executable = (name: string, script: string) => {
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
    return join(bin, name);
  };
  const browser = executable('fake-chromium', fakeChromium);
  // `holdfast serve` runs xdg-open from PATH.
  executable('xdg-open', fakeOpener);
  const recordFile = join(temp.path, 'recorded-args');

  const cli = spawnCli(sourceBuild.cliPath, [command, '--data-dir', dataDir], {
    home,
    env: {
      HOLDFAST_NO_ELECTRON: '1',
      HOLDFAST_BROWSER: browser,
      PATH: `${bin}:${process.env.PATH}`,
      DISPLAY: ':99',
      TMPDIR: tmpDir,
      HOLDFAST_TEST_RECORD: recordFile,
    },
  });
  launches.push({ cli, recordFile });
  const printed = new URL((await cli.firstLine).slice('Holdfast console: '.length));
  return {
    cli,
    token: printed.searchParams.get('token')!,
    port: Number(printed.port),
    recordFile,
    tmpDir,
    recordedArgs: async () => {
      await waitFor(() => existsSync(recordFile), 'the stand-in browser to run');
      return readFileSync(recordFile, 'utf8').trimEnd().split('\n');
    },
  };
}

/** The launch URL opens the console once: a cookie for the token, then a 401 that says what to do. */
async function expectSingleUseLaunchUrl(launched: Launch, launchUrl: URL): Promise<void> {
  expect(launchUrl.origin).toBe(`http://127.0.0.1:${launched.port}`);
  expect([...launchUrl.searchParams.keys()]).toEqual(['code']);
  const exchange = await rawRequest(launched.port, { path: launchUrl.pathname + launchUrl.search });
  expect(exchange.status).toBe(303);
  expect(exchange.headers['set-cookie']?.[0]).toContain(`=${launched.token};`);
  const replay = await rawRequest(launched.port, { path: launchUrl.pathname + launchUrl.search });
  expect(replay.status).toBe(401);
  expect(replay.body).toContain('holdfast start');
}

describe('holdfast start with a Chromium app window', () => {
  it('gives the browser a single-use launch code on its command line, never the token', async () => {
    const launched = await launch('start');
    const args = await launched.recordedArgs();
    for (const arg of args) expect(arg).not.toContain(launched.token);
    const app = args.find((arg) => arg.startsWith('--app='));
    expect(app).toBeDefined();
    await expectSingleUseLaunchUrl(launched, new URL(app!.slice('--app='.length)));

    launched.cli.child.kill('SIGTERM');
    expect((await launched.cli.exited).code).toBe(0);
  });

  it('on SIGTERM, waits for the browser to finish exiting, then deletes its profile', async () => {
    const launched = await launch('start');
    const profile = (await launched.recordedArgs()).find((arg) => arg.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(profile.startsWith(launched.tmpDir)).toBe(true);
    expect(existsSync(profile)).toBe(true);

    launched.cli.child.kill('SIGTERM');
    expect(await launched.cli.exited).toEqual({ code: 0, signal: null });
    // Had the CLI not waited, the stand-in would still be writing its profile back after the deletion.
    await waitFor(() => existsSync(`${launched.recordFile}.exited`), 'the stand-in browser to exit');
    expect(existsSync(profile)).toBe(false);
    expect(readdirSync(launched.tmpDir)).toEqual([]);
    expect(launched.cli.output().stderr).toBe('');
  });
});

describe('holdfast serve', () => {
  it('prints the token link for the user, and gives the opener a single-use launch code only', async () => {
    const launched = await launch('serve');
    expect(launched.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const args = await launched.recordedArgs();
    expect(args).toHaveLength(1);
    expect(args[0]).not.toContain(launched.token);
    await expectSingleUseLaunchUrl(launched, new URL(args[0]!));

    launched.cli.child.kill('SIGTERM');
    expect((await launched.cli.exited).code).toBe(0);
  });
});
