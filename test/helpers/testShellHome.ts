// A HOME of the test's own for the shells a test's terminals start. The machine user's startup files (a
// pyenv or conda init, a slow prompt, a stale lock that stalls every new bash for a minute) must never
// decide whether a test passes, so no test terminal runs in the real HOME.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestShellHome {
  home: string;
  /** What the terminal's shell needs: this HOME, bash as $SHELL, a UTF-8 locale, the test's PATH. */
  env: { HOME: string; SHELL: string; PATH: string; LANG: string };
}

export function makeTestShellHome(parentDir: string, prompt: string, shell = '/bin/bash'): TestShellHome {
  const home = join(parentDir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.bashrc'), `PS1='${prompt}'\n`);
  return { home, env: { HOME: home, SHELL: shell, PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } };
}
