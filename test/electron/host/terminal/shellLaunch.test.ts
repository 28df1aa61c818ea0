// How a terminal's shell is started: which program, its arguments, the integration it gets and the
// environment it inherits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planShellLaunch } from '../../../../electron/host/terminal/shellLaunch';
import { integrationDir } from './ptyHarness';

const env = { PATH: '/usr/bin:/bin', HOME: '/home/me', SHELL: '/bin/bash', HOLDFAST_DATA_DIR: '/data', TERM: 'dumb', TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.2' };
const emptyDir = mkdtempSync(join(tmpdir(), 'holdfast-no-integration-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

describe('planShellLaunch', () => {
  it('starts bash with the integration script and a fresh nonce for it alone', () => {
    const launch = planShellLaunch({ env, integrationDir, platform: 'linux' });
    expect(launch).toMatchObject({ file: '/bin/bash', args: ['--init-file', join(integrationDir, 'bash-integration.sh'), '-i'], integration: 'bash', captureProblem: null });
    expect(launch.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(planShellLaunch({ env, integrationDir }).nonce).not.toBe(launch.nonce);
    expect(launch.env).toEqual({ PATH: '/usr/bin:/bin', HOME: '/home/me', SHELL: '/bin/bash', TERM: 'xterm-256color', COLORTERM: 'truecolor', TERM_PROGRAM: 'Holdfast', HOLDFAST_NONCE: launch.nonce });
  });

  it('makes the shell a login shell on macOS, like Terminal does', () => {
    expect(planShellLaunch({ env, integrationDir, platform: 'darwin' }).env.HOLDFAST_SHELL_LOGIN).toBe('1');
    const zsh = planShellLaunch({ env: { ...env, SHELL: '/usr/bin/zsh' }, integrationDir, platform: 'darwin' });
    expect(zsh.args).toEqual(['-i', '-l']);
  });

  it('points zsh at the wrapper folder and passes the user’s own ZDOTDIR on', () => {
    const launch = planShellLaunch({ env: { ...env, SHELL: '/usr/bin/zsh', ZDOTDIR: '/home/me/.config/zsh' }, integrationDir, platform: 'linux' });
    expect(launch).toMatchObject({ file: '/usr/bin/zsh', args: ['-i'], integration: 'zsh' });
    expect(launch.env).toMatchObject({ ZDOTDIR: join(integrationDir, 'zsh'), HOLDFAST_USER_ZDOTDIR: '/home/me/.config/zsh' });
    expect(planShellLaunch({ env: { ...env, SHELL: '/usr/bin/zsh' }, integrationDir }).env).not.toHaveProperty('HOLDFAST_USER_ZDOTDIR');
  });

  it('falls back to /bin/bash when $SHELL cannot run, but not when the user chose the shell', () => {
    expect(planShellLaunch({ env: { ...env, SHELL: '/no/such/shell' }, integrationDir }).file).toBe('/bin/bash');
    expect(planShellLaunch({ env: { ...env, SHELL: 'bash' }, integrationDir }).file).toMatch(/\/bash$/);
    expect(planShellLaunch({ env, integrationDir, shell: '/no/such/shell' }).file).toBe('/no/such/shell');
  });

  it('starts other shells plainly and says why commands are not captured', () => {
    const fish = planShellLaunch({ env, integrationDir, shell: '/usr/bin/fish', platform: 'darwin' });
    expect(fish).toMatchObject({ args: [], nonce: undefined, integration: null });
    expect(fish.captureProblem).toBe('Holdfast has no shell integration for fish, so the commands typed in this terminal are not captured (bash and zsh are supported).');
    expect(fish.env).not.toHaveProperty('HOLDFAST_NONCE');
    const missing = planShellLaunch({ env, integrationDir: emptyDir });
    expect(missing).toMatchObject({ args: [], integration: null });
    expect(missing.captureProblem).toContain('integration for bash is missing');
  });
});
