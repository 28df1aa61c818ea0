// The terminal's input queue: keystrokes reach the host in the order typed, batched while a call is in
// flight, big pastes in pieces that never split a character, and raw bytes (mouse reports) never mixed
// into a text call.
import { describe, expect, it } from 'vitest';
import { createInputQueue, maxInputChunk } from '../../renderer/src/screens/terminal/inputQueue';

/** A host whose calls stay in flight until `answer()`; what each call carried. */
function slowHost() {
  const calls: { data: string; binary: boolean }[] = [];
  const answers: (() => void)[] = [];
  const errors: unknown[] = [];
  const dropped: number[] = [];
  const queue = createInputQueue(
    (data, binary) => {
      calls.push({ data, binary });
      return new Promise<void>((resolve, reject) => answers.push(() => (data.startsWith('fail') ? reject(new Error('refused')) : resolve())));
    },
    (error, droppedCharacters) => {
      errors.push(error);
      dropped.push(droppedCharacters);
    },
  );
  const answer = async () => {
    answers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { queue, calls, errors, dropped, answer };
}

describe('the terminal input queue', () => {
  it('sends at once, then batches what is typed while a call is in flight, in order', async () => {
    const host = slowHost();
    host.queue.push('l');
    host.queue.push('s');
    host.queue.push(' -l');
    expect(host.calls).toEqual([{ data: 'l', binary: false }]);
    await host.answer();
    expect(host.calls[1]).toEqual({ data: 's -l', binary: false });
  });

  it('keeps raw bytes in calls of their own, between the text typed before and after them', async () => {
    const host = slowHost();
    host.queue.push('a');
    host.queue.push('\x1b[M\xe0\xf0', true);
    host.queue.push('\xe1', true);
    host.queue.push('b');
    for (let i = 0; i < 3; i++) await host.answer();
    expect(host.calls).toEqual([
      { data: 'a', binary: false },
      { data: '\x1b[M\xe0\xf0\xe1', binary: true },
      { data: 'b', binary: false },
    ]);
  });

  it('sends a big paste in pieces that never split a character', async () => {
    const host = slowHost();
    const paste = `${'x'.repeat(maxInputChunk - 1)}😀${'y'.repeat(10)}`;
    host.queue.push(paste);
    for (let i = 0; i < 3; i++) await host.answer();
    const pieces = host.calls.map((call) => call.data);
    expect(pieces.join('')).toBe(paste);
    expect(pieces[0]).toHaveLength(maxInputChunk - 1);
    expect(pieces.every((piece) => piece.length <= maxInputChunk)).toBe(true);
  });

  it('drops what was typed after a refused call, so its Enter cannot run a line with a piece missing, then goes on', async () => {
    const host = slowHost();
    host.queue.push('rm -rf /tmp/cache/');
    await host.answer();
    host.queue.push('fail'); // the rest of the path, refused (a dropped connection, say)
    host.queue.push('x');
    host.queue.push('\r'); // typed while it was in flight
    await host.answer();
    expect(host.calls.map((call) => call.data)).toEqual(['rm -rf /tmp/cache/', 'fail']);
    expect(host.dropped).toEqual([2]);
    host.queue.push('ls\r');
    await host.answer();
    expect(host.calls.at(-1)!.data).toBe('ls\r');
  });
});
