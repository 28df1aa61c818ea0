// From marks to captured commands (CommandCapture), and from raw pty bytes to them (CommandStream): only
// signed marks count, output is bounded head + tail on character boundaries, chunking never matters.
import { describe, expect, it } from 'vitest';
import { CommandCapture, truncationMarker, type CapturedCommand } from '../../../../electron/host/terminal/commandCapture';
import { CommandStream } from '../../../../electron/host/terminal/commandStream';
import { ShellIntegrationParser, type ParsedItem, type ShellIntegrationMark } from '../../../../electron/host/terminal/shellIntegrationParser';

const nonce = '0123456789abcdef0123456789abcdef';
const signed = (mark: { type: ShellIntegrationMark['type'] } & Record<string, unknown>) => ({ ...mark, trusted: true }) as ShellIntegrationMark;
const forged = (mark: ShellIntegrationMark): ShellIntegrationMark => ({ ...mark, trusted: false });
const text = (value: string): ParsedItem => ({ type: 'text', text: value });
const start = signed({ type: 'outputStart' });
const end = (exitCode: number) => signed({ type: 'commandEnd', exitCode });
const line = (commandLine: string) => signed({ type: 'commandLine', commandLine });

/** A capture on fake clocks: each reading advances them by one second. */
function capture(maxOutputBytes?: number): CommandCapture {
  let tick = 0;
  return new CommandCapture({
    initialCwd: '/start',
    ...(maxOutputBytes ? { maxOutputBytes } : {}),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick)),
    monotonic: () => 1000 * tick++,
  });
}

function single(items: ParsedItem[], maxOutputBytes?: number): CapturedCommand {
  const done = capture(maxOutputBytes).push(items);
  expect(done).toHaveLength(1);
  return done[0]!;
}

describe('CommandCapture', () => {
  it('captures a command: line, directory, times, exit code and clean output', () => {
    const raw = '\x1b[1mok\r\r\nfine\r\n\x07';
    const items = [signed({ type: 'cwd', path: '/srv' }), line('make test'), start, ...new ShellIntegrationParser().feed(raw), end(2)];
    expect(single(items)).toEqual({
      commandLine: 'make test',
      cwd: '/srv',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T00:00:01.000Z',
      durationMs: 1000,
      exitCode: 2,
      output: 'ok\nfine\n',
      outputBytes: 12, // after escape sequences, before display controls and line ends are cleaned
      truncated: false,
    });
  });

  it('takes a command line that arrives after the output started (bash sends C from PS0 first)', () => {
    expect(single([start, line('true'), line('ignored: the line is already known'), end(0)]).commandLine).toBe('true');
  });

  it('never takes an unsigned mark: a forged line stays unknown, forged C/D/P change nothing', () => {
    const command = single([forged(line('rm -rf /')), forged(start), forged(signed({ type: 'cwd', path: '/etc' })), start, forged(end(0)), text('out'), end(1)]);
    expect(command).toMatchObject({ commandLine: null, cwd: '/start', exitCode: 1, output: 'out' });
  });

  it('captures nothing for a D without a C (empty Enter, Ctrl+C) nor for a session without signed marks', () => {
    const session = capture();
    expect(session.push([end(130), signed({ type: 'promptStart' }), end(0)])).toEqual([]);
    expect(session.marksSeen).toBe(true);
    const unsigned = capture();
    expect(unsigned.push([forged(start), text('x'), forged(end(0))])).toEqual([]);
    expect(unsigned.marksSeen).toBe(false);
  });

  it('keeps head and tail within the limit and says how much was left out', () => {
    const output = Array.from({ length: 2000 }, (_, i) => `line ${i}\n`).join('');
    const command = single([start, ...output.match(/.{1,7}/gs)!.map(text), end(0)], 1000);
    expect(command.truncated).toBe(true);
    expect(command.outputBytes).toBe(Buffer.byteLength(output));
    const [head, tail] = command.output.split(/\n\[… \d+ bytes truncated by Holdfast …\]\n/);
    expect(output.startsWith(head!)).toBe(true);
    expect(output.endsWith(tail!)).toBe(true);
    expect(Buffer.byteLength(head!) + Buffer.byteLength(tail!)).toBe(1000);
    expect(command.output).toContain(truncationMarker(Buffer.byteLength(output) - 1000));
  });

  it('cuts on character boundaries, whatever the multi-byte characters and pieces', () => {
    for (const piece of ['é', '✓', '😀', 'a✓😀é']) {
      for (const limit of [64, 65, 66, 67]) {
        const output = `${'a'.repeat(limit % 4)}${piece.repeat(300)}`;
        const command = single([start, ...[...output].map(text), end(0)], limit);
        expect(command.output, `${piece} / ${limit}`).not.toContain('\ufffd');
        const [head, tail] = command.output.split(/\n\[… \d+ bytes truncated by Holdfast …\]\n/);
        expect(Buffer.byteLength(head!)).toBeLessThanOrEqual(Math.floor(limit / 2));
        expect(Buffer.byteLength(tail!)).toBeLessThanOrEqual(limit - Math.floor(limit / 2));
        expect(output.startsWith(head!) && output.endsWith(tail!)).toBe(true);
      }
    }
  });

  it('does not truncate output of exactly the limit', () => {
    const command = single([start, text('x'.repeat(100)), text('y'.repeat(100)), end(0)], 200);
    expect(command).toMatchObject({ truncated: false, outputBytes: 200, output: 'x'.repeat(100) + 'y'.repeat(100) });
  });
});

describe('CommandStream', () => {
  const bytes = Buffer.from(
    [
      `\x1b]633;P;Cwd=/tmp/d\\x3bir;${nonce}\x07\x1b]633;A\x07$ \x1b]633;B\x07`,
      `\x1b]633;E;echo Grüße ✓;${nonce}\x07\x1b]633;C;${nonce}\x07`,
      'Grüße ✓ 😀\r\n',
      `\x1b]633;D;0;${nonce}\x07\x1b]633;P;Cwd=/;${nonce}\x07`,
    ].join(''),
  );
  const expected = { commandLine: 'echo Grüße ✓', cwd: '/tmp/d;ir', exitCode: 0, output: 'Grüße ✓ 😀\n' };

  it('decodes and parses across chunk boundaries at every byte position', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const stream = new CommandStream({ nonce, initialCwd: '/home' });
      const done = [...stream.feed(bytes.subarray(0, cut)), ...stream.feed(bytes.subarray(cut))];
      expect(done.map((command) => ({ commandLine: command.commandLine, cwd: command.cwd, exitCode: command.exitCode, output: command.output })), `cut at ${cut}`).toEqual([expected]);
      expect(stream.cwd).toBe('/');
    }
  });

  it('survives invalid UTF-8 and binary output', () => {
    const stream = new CommandStream({ nonce, initialCwd: '/home' });
    expect(stream.marksSeen).toBe(false);
    expect(stream.cwd).toBe('/home');
    const binary = Buffer.from([0xff, 0xfe, 0xc3, 0x1b, 0x9b, 0x00, 0xe2, 0x82]);
    const done = stream.feed(Buffer.concat([Buffer.from(`\x1b]633;C;${nonce}\x07`), binary, Buffer.from(`\x1b]633;D;1;${nonce}\x07`)]));
    expect(done).toHaveLength(1);
    expect(done[0]!.exitCode).toBe(1);
    expect(stream.feed(bytes)).toMatchObject([expected]);
    expect(stream.marksSeen).toBe(true);
  });
});
