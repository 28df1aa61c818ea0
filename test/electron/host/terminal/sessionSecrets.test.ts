// A terminal session's secrets: values the responder assigns are learnt from the shell's signed
// command-line marks as raw output streams past (a mark cut anywhere between two reads included), kept for
// the rest of the session, and redacted from the recording from that moment on, also inside the marks.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxLearntSecrets, markEscapedForms, SessionSecrets } from '../../../../electron/host/terminal/sessionSecrets';
import { redact } from '../../../../electron/host/terminal/redaction';
import { castOutput, castRecorder, readCast } from './terminalFixtures';
import { makeTempDataDir } from '../../../helpers/tempDataDir';

const nonce = '0123456789abcdef0123456789abcdef';
const token = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

/** A command-line mark as the shell integration writes it (escaping as bash-integration.sh does). */
function commandLineMark(line: string, signedWith = nonce): string {
  const escaped = line.replace(/[\\;\x00-\x1f]/g, (ch) => (ch === '\\' ? '\\\\' : ch === ';' ? '\\x3b' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return `\x1b]633;E;${escaped};${signedWith}\x07`;
}

function session(handed: Record<string, string> = {}): SessionSecrets {
  const secrets = new SessionSecrets(() => handed);
  secrets.newShell(nonce);
  return secrets;
}

describe('SessionSecrets', () => {
  it('learns the secret values a signed command line assigns', () => {
    const secrets = session();
    secrets.watch(Buffer.from(`prompt$ export API_TOKEN=${token}\r\n\x1b]633;C;${nonce}\x07${commandLineMark(`export API_TOKEN=${token}; echo "token is $API_TOKEN"`)}token is ${token}\r\n`));
    expect(secrets.learntValues()).toEqual([['API_TOKEN', token]]);
  });

  it('finds a mark cut between two reads at any byte', () => {
    const stream = Buffer.from(`out\r\n${commandLineMark(`export DB_PASSWORD=hunter22-é`)}more`);
    for (let cut = 1; cut < stream.length; cut++) {
      const secrets = session();
      secrets.watch(stream.subarray(0, cut));
      secrets.watch(stream.subarray(cut));
      expect(secrets.learntValues(), `cut at ${cut}`).toEqual([['DB_PASSWORD', 'hunter22-é']]);
    }
  });

  it('finds a mark arriving one byte at a time, and several marks in one read', () => {
    const secrets = session();
    for (const byte of Buffer.from(commandLineMark('TOKEN=first-value'))) secrets.watch(Buffer.from([byte]));
    secrets.watch(Buffer.from(`${commandLineMark('TOKEN=second-value')}x${commandLineMark('PASSWORD=third-value')}`));
    expect(secrets.learntValues()).toEqual([
      ['TOKEN', 'first-value'],
      ['TOKEN', 'second-value'],
      ['PASSWORD', 'third-value'],
    ]);
  });

  it('trusts only marks signed with the current shell\'s nonce', () => {
    const secrets = session();
    secrets.watch(Buffer.from(commandLineMark('TOKEN=forged-by-output', 'ffffffffffffffffffffffffffffffff')));
    secrets.watch(Buffer.from('\x1b]633;E;TOKEN=unsigned-value\x07'));
    expect(secrets.learntValues()).toEqual([]);
    const withoutIntegration = new SessionSecrets(() => ({}));
    withoutIntegration.newShell(undefined);
    withoutIntegration.watch(Buffer.from(commandLineMark('TOKEN=abcdefgh')));
    expect(withoutIntegration.learntValues()).toEqual([]);
  });

  it('skips a mark cut off by another escape sequence and still reads the next one', () => {
    const secrets = session();
    secrets.watch(Buffer.from(`\x1b]633;E;TOKEN=never-ended${commandLineMark('TOKEN=the-real-one')}`));
    expect(secrets.learntValues()).toEqual([['TOKEN', 'the-real-one']]);
  });

  it('keeps what it learnt when the shell restarts, and trusts only the new shell\'s nonce', () => {
    const secrets = session();
    secrets.watch(Buffer.from(commandLineMark('TOKEN=before-restart')));
    const newNonce = 'abcdefabcdefabcdefabcdefabcdefab';
    secrets.newShell(newNonce);
    secrets.watch(Buffer.from(commandLineMark('TOKEN=old-nonce-now')));
    secrets.watch(Buffer.from(commandLineMark('TOKEN=after-restart', newNonce)));
    expect(secrets.learntValues()).toEqual([
      ['TOKEN', 'before-restart'],
      ['TOKEN', 'after-restart'],
    ]);
  });

  it('learns each value once, under its first name, and at most a bounded number', () => {
    const secrets = session();
    secrets.learn('A_TOKEN=same-value B_TOKEN=same-value');
    expect(secrets.learntValues()).toEqual([['A_TOKEN', 'same-value']]);
    for (let i = 0; i < maxLearntSecrets + 10; i++) secrets.learn(`TOKEN=value-${i}`);
    expect(secrets.learntValues()).toHaveLength(maxLearntSecrets);
  });

  it('hands a captured command on with what it learnt', () => {
    const secrets = session();
    secrets.learn(`export API_TOKEN=${token}`);
    const command = { commandLine: 'echo $API_TOKEN', cwd: '/', startedAt: '', endedAt: '', durationMs: 0, exitCode: 0, output: token, outputBytes: 32, truncated: false };
    expect(secrets.withLearntSecrets(command)).toEqual({ ...command, learntSecrets: [['API_TOKEN', token]] });
  });

  it('redacts from the recording the handed and learnt values, also as escaped inside the marks', () => {
    const secrets = session({ RUN_SECRET: 'run-secret;value' });
    secrets.learn("PASSWORD=$'semi;colon\\\\back\\nline'");
    const mark = commandLineMark("PASSWORD=semi;colon\\back\nline") + commandLineMark('echo run-secret;value');
    expect(redact(mark, secrets.forRecording()).text).toBe(`\x1b]633;E;PASSWORD=[REDACTED:PASSWORD];${nonce}\x07\x1b]633;E;echo [REDACTED:RUN_SECRET];${nonce}\x07`);
  });

  it('escapes a value as bash and zsh write it into a mark', () => {
    expect(markEscapedForms('plain-value')).toEqual([]);
    expect(markEscapedForms('a;b\\c')).toEqual(['a\\x3bb\\\\c']);
    expect(markEscapedForms('line\nnext')).toEqual(['line\\x0anext', 'line\\x0Anext']);
  });
});

describe('a recording with the session\'s secrets', () => {
  let dataDir: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    dataDir = makeTempDataDir('holdfast-session-secrets-');
  });
  afterEach(() => {
    dataDir.remove();
  });

  /** As TerminalSession feeds them: the secrets see each read before the recorder does. */
  let recordings = 0;
  async function record(reads: string[]): Promise<string> {
    const path = join(dataDir.path, `term-${++recordings}.cast`);
    const secrets = session();
    const recorder = castRecorder(path, {}, { secrets: () => secrets.forRecording() });
    for (const read of reads) {
      const data = Buffer.from(read);
      secrets.watch(data);
      recorder.output(data);
    }
    await recorder.close();
    return castOutput(readCast(path).events);
  }

  it('never holds a value assigned on the line whose own output prints it, in one read or many', async () => {
    const line = `export GH_AUTH=gho-not-a-shape-1234; echo "auth is $GH_AUTH"`;
    const stream = `test$ ${line}\r\n\x1b]633;C;${nonce}\x07${commandLineMark(line)}auth is gho-not-a-shape-1234\r\n\x1b]633;D;0;${nonce}\x07test$ echo again gho-not-a-shape-1234\r\n`;
    const together = await record([stream]);
    expect(together).not.toContain('gho-not-a-shape-1234');
    expect(together).toContain('auth is [REDACTED:GH_AUTH]');
    const byteByByte = await record([...stream]);
    expect(byteByByte).not.toContain('gho-not-a-shape-1234');
  });
});
