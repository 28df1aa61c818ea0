// The embedded terminal end to end with real shells in real ptys: what a responder types in bash or zsh
// comes back as captured commands with the right line, exit code, duration, directory and output, and
// nothing else does (empty Enter, Ctrl+C at the prompt, marks printed by programs). Closing a terminal
// leaves no process behind.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HoldfastError } from '../../../../electron/contract';
import { PtySession } from '../../../../electron/host/terminal/ptySession';
import { isExecutableFile } from '../../../../electron/host/terminal/shellLaunch';
import { enterWithoutHistory } from '../../../../electron/host/terminal/shellKeys';
import { cleanUp, hasChild, integrationDir, makeHome, processDead, startShell, waitFor } from './ptyHarness';

afterEach(cleanUp);

const timeout = 40_000;

const shells: { name: string; path: string; dotfiles: Record<string, string>; historyRules: Record<string, string> }[] = [
  {
    name: 'bash',
    path: '/bin/bash',
    dotfiles: { '.bashrc': "alias greet='echo hello from alias'\nPS1='custom> '\n" },
    // Debian's and Ubuntu's default ~/.bashrc sets ignoreboth.
    historyRules: { '.bashrc': "HISTCONTROL=ignoreboth\nHISTIGNORE='echo skip*'\n" },
  },
  {
    name: 'zsh',
    path: '/usr/bin/zsh',
    dotfiles: { '.zshenv': 'export FROM_ZSHENV=yes\n', '.zshrc': "alias greet='echo hello from alias'\nPROMPT='custom> '\n" },
    historyRules: { '.zshrc': "setopt hist_ignore_space hist_ignore_dups\nHISTORY_IGNORE='echo skip*'\n" },
  },
];

describe.each(shells)('a $name terminal', ({ name, path, dotfiles, historyRules }) => {
  const installed = isExecutableFile(path);
  if (!installed) console.warn(`Skipping the ${name} terminal tests: ${path} is not installed.`);

  describe.skipIf(!installed)('with shell integration', () => {
    const start = (options: { home?: string; env?: Record<string, string> } = {}) => startShell({ shell: path, ...options });

    it('reports exit codes of commands, pipelines and subshells', { timeout }, async () => {
      const shell = await start();
      expect(shell.session.integration).toBe(name);
      expect(shell.session.captureProblem).toBeNull();
      expect(shell.stream.marksSeen).toBe(true);
      expect(await shell.run('true')).toMatchObject({ commandLine: 'true', exitCode: 0, output: '' });
      expect(await shell.run('false')).toMatchObject({ commandLine: 'false', exitCode: 1 });
      expect((await shell.run('false | true')).exitCode).toBe(0);
      expect((await shell.run('set -o pipefail; false | true')).exitCode).toBe(1);
      expect(await shell.run('(exit 3)')).toMatchObject({ commandLine: '(exit 3)', exitCode: 3 });
    });

    it('measures how long a command ran', { timeout }, async () => {
      const shell = await start();
      const command = await shell.run('sleep 1');
      expect(command.durationMs).toBeGreaterThanOrEqual(900);
      expect(command.durationMs).toBeLessThan(5000);
      expect(Date.parse(command.endedAt) - Date.parse(command.startedAt)).toBeGreaterThanOrEqual(900);
    });

    it('records the command line exactly as typed', { timeout }, async () => {
      const shell = await start();
      const typed = `printf '%s|' "a;b" 'c\\d' ü ✓; echo "$((1+1))"`;
      expect(await shell.run(typed)).toMatchObject({ commandLine: typed, exitCode: 0, output: 'a;b|c\\d|ü|✓|2\n' });
      expect(await shell.run('echo one \\\rtwo')).toMatchObject({ commandLine: 'echo one \\\ntwo', output: 'one two\n' });
      await shell.run('echo first last-arg');
      expect((await shell.run('echo "$_"')).output).toBe('last-arg\n'); // Enter's hook leaves $_ alone
    });

    it('records whole lines that the user’s history rules leave out, without changing their history', { timeout }, async () => {
      const shell = await start({ home: makeHome(historyRules) });
      const pipeline = 'echo abc | tr a-c x-z';
      for (let time = 0; time < 2; time++) expect(await shell.run(pipeline)).toMatchObject({ commandLine: pipeline, output: 'xyz\n' });
      expect((await shell.run('!!')).commandLine).toBe(pipeline); // the shell echoes the expanded line too
      const spaced = ' echo quiet | tr a-z A-Z';
      expect(await shell.run(spaced)).toMatchObject({ commandLine: spaced, output: 'QUIET\n' });
      const ignored = 'echo skip me | wc -w';
      expect(await shell.run(ignored)).toMatchObject({ commandLine: ignored, output: '2\n' });
      if (name !== 'bash') return; // zsh's HISTORY_IGNORE only keeps lines out of the history file
      const history = (await shell.run('fc -ln -20')).output;
      expect(history.split('\n').filter((line) => line.trim() === pipeline)).toHaveLength(1);
      expect(history).not.toMatch(/quiet|skip me/);
    });

    it('keeps a line entered with the no-history Enter out of history and its file, and still captures it', { timeout }, async () => {
      const histfile = name === 'bash' ? '.bash_history' : '.zsh_history';
      // zsh keeps no history file unless told to; INC_APPEND_HISTORY writes each line as it is entered.
      const home = makeHome(name === 'bash' ? {} : { '.zshrc': 'HISTFILE=~/.zsh_history\nSAVEHIST=100\nHISTSIZE=100\nsetopt inc_append_history\n' });
      const shell = await start({ home });
      const secretLine = 'echo token=sekrit-4711 sent';
      expect(await shell.run(`\x15${secretLine}${enterWithoutHistory}`)).toMatchObject({ commandLine: secretLine, exitCode: 0, output: 'token=sekrit-4711 sent\n' });
      expect(await shell.run('echo "$_"')).toMatchObject({ output: 'sent\n' }); // $_ is the private line's last argument
      await shell.run('echo after-the-secret');
      const history = (await shell.run('fc -ln -20')).output;
      expect(history).toContain('echo after-the-secret');
      expect(history).not.toContain('sekrit-4711');
      await shell.press('exit\r').catch(() => undefined);
      await waitFor(() => shell.session.exited, `${name} to exit`);
      const written = readFileSync(join(home, histfile), 'utf8');
      expect(written).toContain('echo after-the-secret');
      expect(written).not.toContain('sekrit-4711');
    });

    it('follows the working directory from one command to the next', { timeout }, async () => {
      const shell = await start();
      expect((await shell.run('cd /tmp')).cwd).toBe(shell.home);
      expect(await shell.run('pwd')).toMatchObject({ cwd: '/tmp', output: '/tmp\n' });
      expect(shell.stream.cwd).toBe('/tmp');
    });

    it('captures nothing for an empty Enter or Ctrl+C at an empty prompt', { timeout }, async () => {
      const shell = await start();
      await shell.press('\r');
      await shell.press('\x03');
      await shell.press('   \r');
      expect(shell.commands).toEqual([]);
      expect((await shell.run('true')).commandLine).toBe('true');
      expect(shell.commands).toHaveLength(1);
    });

    it('ends a running command on Ctrl+C with exit code 130', { timeout }, async () => {
      const shell = await start();
      shell.type('sleep 30\r');
      await waitFor(() => hasChild(shell.session.pid, 'sleep'), 'sleep to start');
      shell.type('\x03');
      const command = await waitFor(() => shell.commands[0], 'the interrupted command', 5000);
      expect(command).toMatchObject({ commandLine: 'sleep 30', exitCode: 130 });
      expect(command.durationMs).toBeLessThan(5000);
    });

    it('does not take marks printed by a program for the shell’s own', { timeout }, async () => {
      const shell = await start();
      const typed = `printf '\\e]633;E;rm -rf /;fake\\a\\e]633;D;0\\a\\e]633;P;Cwd=/etc\\a'; false`;
      expect(await shell.run(typed)).toMatchObject({ commandLine: typed, exitCode: 1, output: '' });
      expect(shell.commands).toHaveLength(1);
      expect((await shell.run('true')).cwd).toBe(shell.home);
    });

    it('keeps capturing after binary output and a 200 KB line', { timeout }, async () => {
      const shell = await start();
      expect((await shell.run('head -c 2000 /dev/urandom')).exitCode).toBe(0);
      expect(await shell.run('echo still-here')).toMatchObject({ commandLine: 'echo still-here', output: 'still-here\n' });
      const long = await shell.run(`head -c 200000 /dev/zero | tr '\\0' x; echo`);
      expect(long).toMatchObject({ outputBytes: 200_002, truncated: false }); // counted as the pty sent it: CR LF
      expect(long.output).toBe(`${'x'.repeat(200_000)}\n`);
    });

    it('keeps the nonce and Holdfast’s variables out of the environment', { timeout }, async () => {
      const shell = await start({ env: { HOLDFAST_DATA_DIR: '/somewhere' } });
      const command = await shell.run('env | grep -c HOLDFAST_; echo "$TERM $TERM_PROGRAM ${ZDOTDIR-unset}"');
      expect(command.output).toBe('0\nxterm-256color Holdfast unset\n');
      expect(shell.screen()).not.toContain('HOLDFAST_NONCE');
    });

    it('leaves no process behind when killed', { timeout }, async () => {
      const shell = await start();
      const started = await shell.run('sleep 1000 & echo job=$!; (trap "" HUP; exec sleep 1001) & echo ignorer=$!');
      const job = Number(/job=(\d+)/.exec(started.output)?.[1]);
      const ignorer = Number(/ignorer=(\d+)/.exec(started.output)?.[1]);
      expect(job > 0 && ignorer > 0).toBe(true);
      await shell.session.kill();
      expect(shell.session.exited).toBe(true);
      await waitFor(() => {
        try {
          process.kill(job, 0);
          return false;
        } catch (error) {
          return (error as NodeJS.ErrnoException).code === 'ESRCH';
        }
      }, 'the background job to be gone');
      // It ignored SIGHUP, so it outlived the shell and was killed; its zombie waits for init.
      expect(processDead(ignorer)).toBe(true);
      await shell.session.kill(); // idempotent
    });

    it('still reads the user’s own startup files: aliases and prompt work', { timeout }, async () => {
      const shell = await start({ home: makeHome(dotfiles) });
      expect(await shell.run('greet')).toMatchObject({ commandLine: 'greet', output: 'hello from alias\n', exitCode: 0 });
      expect(shell.screen()).toContain('custom> ');
      if (name === 'zsh') expect((await shell.run('echo $FROM_ZSHENV')).output).toBe('yes\n');
    });
  });
});

describe.skipIf(!isExecutableFile('/usr/bin/zsh'))('a zsh terminal for a user with their own ZDOTDIR', () => {
  it('reads their files from it and gives it back to them', { timeout }, async () => {
    const home = makeHome({ '.config/zsh/.zshrc': "alias greet='echo from zdotdir'\n", '.zshrc': "alias greet='echo from home'\n" });
    const zdotdir = join(home, '.config/zsh');
    const shell = await startShell({ shell: '/usr/bin/zsh', home, env: { ZDOTDIR: zdotdir } });
    expect((await shell.run('greet; echo $ZDOTDIR')).output).toBe(`from zdotdir\n${zdotdir}\n`);
  });
});

describe('starting a shell', () => {
  it('explains a missing start directory', () => {
    const start = () => PtySession.spawn({ cwd: '/no/such/dir', cols: 80, rows: 24, env: { PATH: '/usr/bin:/bin', SHELL: '/bin/bash' }, integrationDir });
    expect(start).toThrow(HoldfastError);
    expect(start).toThrow('Cannot start the shell /bin/bash in /no/such/dir: the directory does not exist (ENOENT).');
  });

  it('explains a shell that cannot be run', () => {
    const notAProgram = join(makeHome(), 'myshell');
    writeFileSync(notAProgram, 'echo hi\n');
    chmodSync(notAProgram, 0o644);
    const start = () => PtySession.spawn({ cwd: '/tmp', cols: 80, rows: 24, shell: notAProgram, integrationDir });
    expect(start).toThrow(/^Cannot start the shell .*myshell in \/tmp: permission denied on the shell \(EACCES\)\.$/);
    try {
      start();
    } catch (error) {
      expect((error as HoldfastError).code).toBe('unavailable');
    }
  });

  it('starts a shell without integration plainly and says commands are not captured', { timeout }, async () => {
    const shell = await startShell({ shell: '/bin/sh', waitForPrompt: false });
    expect(shell.session).toMatchObject({ integration: null, nonce: undefined });
    expect(shell.session.captureProblem).toMatch(/no shell integration for sh, so the commands typed in this terminal are not captured/);
    shell.type('echo sh-$((40+2))\r');
    await waitFor(() => shell.screen().includes('sh-42'), 'sh to answer');
    expect(shell.commands).toEqual([]);
    expect(shell.stream.marksSeen).toBe(false);
  });
});
