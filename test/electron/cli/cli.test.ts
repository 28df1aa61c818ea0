// The `holdfast` CLI: argument handling in-process through runCli, then `holdfast serve` as a real child
// process of the built CLI (dist/cli.js through bin/holdfast.js).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/cliRunner';
import { acceptsConnections, callOverHttp, rawRequest } from '../../helpers/http';
import { makeTempDataDir } from '../../helpers/tempDataDir';
import { repoRoot, spawnCli as spawnCliProcess, type CliProcess } from './cliChildProcess';

const binPath = join(repoRoot, 'bin', 'holdfast.js');
const version: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
const consoleLine = /^Holdfast console: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/;

const temps: ReturnType<typeof makeTempDataDir>[] = [];
function tempDir(): string {
  const temp = makeTempDataDir('holdfast-cli-');
  temps.push(temp);
  return temp.path;
}

afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});

describe('runCli', () => {
  it('prints help listing the commands, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await runInProcess(flag);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Usage: holdfast <command> [options]');
      expect(stdout).toMatch(/^ {2}start\s+\S/m);
      expect(stdout).toMatch(/^ {2}serve\s+\S/m);
    }
  });

  it('prints the version, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      expect(await runInProcess(flag)).toEqual({ code: 0, stdout: `holdfast ${version}\n`, stderr: '' });
    }
  });

  it('prints serve\'s own help with its options, exit 0', async () => {
    const { code, stdout } = await runInProcess('serve', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: holdfast serve [--port N] [--no-open]');
    expect(stdout).toContain('--port N');
    expect(stdout).toContain('--no-open');
    expect(stdout).toContain('--data-dir DIR');
  });

  it('refuses an unknown command by name, exit 2', async () => {
    const { code, stdout, stderr } = await runInProcess('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown command "frobnicate"');
    expect(stderr).toContain('--help');
  });

  it('asks for a command when given none, exit 2', async () => {
    const { code, stderr } = await runInProcess();
    expect(code).toBe(2);
    expect(stderr).toContain('a command is required');
  });

  it.each(['abc', '70000', '1.5', '-1', ''])('refuses --port %j with a usage error, exit 2, without touching the data dir', async (port) => {
    const dataDir = join(tempDir(), 'never-created');
    const { code, stdout, stderr } = await runInProcess('serve', '--no-open', '--data-dir', dataDir, '--port', port);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--port');
    expect(stderr).toContain('holdfast serve');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an unknown option, exit 2', async () => {
    for (const argv of [['serve', '--frobnicate'], ['--frobnicate'], ['serve', '--no-open', '-x']]) {
      const { code, stderr } = await runInProcess(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain(argv.at(-1)!);
      expect(stderr).not.toContain('    at ');
    }
  });
});

const children: ChildProcess[] = [];

function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const running = spawnCliProcess(binPath, args, { home: tempDir(), env });
  children.push(running.child);
  return running;
}

describe('holdfast serve (built CLI, child process)', () => {
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.js'), '--quiet'], { cwd: repoRoot, stdio: 'inherit' });
  }, 180_000);

  const blockers: Server[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function serve(): Promise<CliProcess & { url: URL; port: number }> {
    const running = spawnCli(['serve', '--no-open', '--data-dir', tempDir()]);
    const url = new URL((await running.firstLine).slice('Holdfast console: '.length));
    return { ...running, url, port: Number(url.port) };
  }

  it('prints exactly one line with the console URL, and the page loads from it', async () => {
    const running = await serve();
    expect(await running.firstLine).toMatch(consoleLine);
    const token = running.url.searchParams.get('token')!;

    const redirect = await rawRequest(running.port, { path: running.url.pathname + running.url.search });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe('/');
    const cookie = redirect.headers['set-cookie']![0]!.split(';')[0]!;
    expect(cookie).toBe(`holdfast_token_${running.port}=${token}`);

    const page = await rawRequest(running.port, { path: redirect.headers.location!, headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");

    running.child.kill('SIGTERM');
    await running.exited;
    expect(running.output().stdout).toBe(`${await running.firstLine}\n`);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s and stops accepting connections', async (signal) => {
    const running = await serve();
    expect(await acceptsConnections('127.0.0.1', running.port)).toBe(true);
    running.child.kill(signal);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(await acceptsConnections('127.0.0.1', running.port)).toBe(false);
    expect(running.output().stderr).toBe('');
  });

  it('fails with exit 1 and one clear line when --port is taken', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;

    const running = spawnCli(['serve', '--no-open', '--data-dir', tempDir(), '--port', String(port)]);
    expect((await running.exited).code).toBe(1);
    const { stdout, stderr } = running.output();
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(String(port));
    expect(stderr).toContain('in use');
    expect(stderr).not.toContain('    at ');
  });

  it('honours HOLDFAST_DATA_DIR: creates it (0700) and keeps settings.json there', async () => {
    const dataDir = join(tempDir(), 'from-env', 'Holdfast');
    const running = spawnCli(['serve', '--no-open'], { HOLDFAST_DATA_DIR: dataDir });
    const url = new URL((await running.firstLine).slice('Holdfast console: '.length));
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);

    const description = await callOverHttp(port, token, 'app.describe', {});
    expect(description.body).toMatchObject({ ok: true, result: { dataDir, shell: 'browser' } });
    const update = await callOverHttp(port, token, 'settings.update', { responderName: 'Ada', theme: 'dark' });
    expect(update).toMatchObject({ status: 200, body: { ok: true } });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ responderName: 'Ada', theme: 'dark' });

    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
  });

  it('prefers --data-dir over HOLDFAST_DATA_DIR', async () => {
    const fromFlag = tempDir();
    const fromEnv = join(tempDir(), 'env');
    mkdirSync(fromEnv);
    const running = spawnCli(['serve', '--no-open', '--data-dir', fromFlag], { HOLDFAST_DATA_DIR: fromEnv });
    const url = new URL((await running.firstLine).slice('Holdfast console: '.length));
    const description = await callOverHttp(Number(url.port), url.searchParams.get('token')!, 'app.describe', {});
    expect(description.body).toMatchObject({ ok: true, result: { dataDir: fromFlag } });
    expect(existsSync(join(fromEnv, 'settings.json'))).toBe(false);
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
  });
});
