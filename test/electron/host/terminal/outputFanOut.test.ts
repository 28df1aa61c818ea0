// One terminal's output fanned out to the renderers attached to it: batching into frames, flow
// control against the slowest renderer (high/low watermarks from the contract), dropping a dead client,
// and the replay a renderer gets when it attaches late.
import { describe, expect, it } from 'vitest';
import { flowControl } from '../../../../electron/contract';
import { OutputFanOut, replayBytes, type StreamClient } from '../../../../electron/host/terminal/outputFanOut';

const { highWatermarkBytes: high, lowWatermarkBytes: low } = flowControl;

/** Stands in for the pty: only whether it is being read matters here. */
class FakePty {
  pauses = 0;
  resumes = 0;
  pause(): void {
    this.pauses++;
  }
  resume(): void {
    this.resumes++;
  }
}

/** A renderer: keeps what it was sent (copied, as IPC would). */
class Renderer implements StreamClient {
  frames: { terminalId: string; data: Buffer }[] = [];
  send(terminalId: string, data: Uint8Array): void {
    this.frames.push({ terminalId, data: Buffer.from(data) });
  }
  get text(): string {
    return Buffer.concat(this.frames.map((frame) => frame.data)).toString('utf8');
  }
}

// Frames go out on the next turn after a quiet spell, or within a few milliseconds while output streams.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 15));
const bytes = (count: number, fill = 'x') => Buffer.alloc(count, fill);

function fanOut() {
  const pty = new FakePty();
  return { pty, output: new OutputFanOut('t1', pty) };
}

/** One renderer that was sent a flood and acknowledged none of it: the pty is paused for it. */
async function pausedByOneRenderer() {
  const { pty, output } = fanOut();
  const renderer = new Renderer();
  output.attach(renderer);
  output.push(bytes(high + 1));
  await nextTurn();
  return { pty, output, renderer };
}

describe('output with no renderer attached', () => {
  it('is sent nowhere and never pauses the pty, however much there is', async () => {
    const { pty, output } = fanOut();
    for (let i = 0; i < 10; i++) output.push(bytes(high));
    await nextTurn();
    expect(pty.pauses).toBe(0);
    expect(output.isPaused).toBe(false);
  });
});

describe('an attached renderer', () => {
  it('gets the chunks read in one turn of the event loop as one frame tagged with the terminal id', async () => {
    const { output } = fanOut();
    const renderer = new Renderer();
    output.attach(renderer);
    output.push(Buffer.from('one '));
    output.push(Buffer.from('two '));
    output.push(Buffer.from('three'));
    expect(renderer.frames).toEqual([]); // nothing before the turn ends
    await nextTurn();
    expect(renderer.frames).toHaveLength(1);
    expect(renderer.frames[0]).toEqual({ terminalId: 't1', data: Buffer.from('one two three') });

    output.push(Buffer.from('four'));
    await nextTurn();
    expect(renderer.frames.map((frame) => frame.data.toString())).toEqual(['one two three', 'four']);
  });

  it('gathers a stream of pty reads arriving in separate turns into few frames, never over 64 KiB each', async () => {
    const { output } = fanOut();
    const renderer = new Renderer();
    output.attach(renderer);
    const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = 0; i < 60; i++) {
      output.push(bytes(4096));
      await immediate(); // one pty read per turn, as a flood arrives
    }
    await nextTurn();
    expect(renderer.frames.length).toBeLessThan(20);
    expect(renderer.frames.every((frame) => frame.data.length <= 64 * 1024)).toBe(true);
    expect(renderer.frames.reduce((sum, frame) => sum + frame.data.length, 0)).toBe(60 * 4096);
  });

  it('pauses the pty once above the high watermark and resumes once when acks bring it to the low one', async () => {
    const { pty, output } = fanOut();
    const renderer = new Renderer();
    output.attach(renderer);
    output.push(bytes(high));
    await nextTurn();
    expect(pty.pauses).toBe(0); // at the watermark is not above it

    output.push(bytes(1));
    await nextTurn();
    output.push(bytes(1000)); // bytes already read when the pty paused still arrive
    await nextTurn();
    expect(pty.pauses).toBe(1);
    expect(output.isPaused).toBe(true);

    const unacked = high + 1 + 1000;
    output.ack(renderer, unacked - (low + 1));
    expect(pty.resumes).toBe(0); // one byte above the low watermark
    output.ack(renderer, 1);
    expect(pty.resumes).toBe(1);
    expect(output.isPaused).toBe(false);
    output.ack(renderer, low);
    expect(pty.resumes).toBe(1);
    expect(pty.pauses).toBe(1);
  });

  it('ignores acks from a renderer that is not attached, and acks beyond what was sent', async () => {
    const { pty, output } = fanOut();
    const renderer = new Renderer();
    output.attach(renderer);
    output.ack(new Renderer(), 1_000_000);
    output.ack(renderer, 1_000_000); // over-acknowledging does not bank credit
    output.push(bytes(high + 1));
    await nextTurn();
    expect(pty.pauses).toBe(1);
  });
});

describe('two renderers on one terminal', () => {
  async function flooded() {
    const { pty, output } = fanOut();
    const fast = new Renderer();
    const slow = new Renderer();
    output.attach(fast);
    output.attach(slow);
    output.push(bytes(high + 1));
    await nextTurn();
    return { pty, output, fast, slow };
  }

  it('keep the pty paused until the slowest has caught up', async () => {
    const { pty, output, fast, slow } = await flooded();
    expect(pty.pauses).toBe(1);
    output.ack(fast, high + 1);
    expect(pty.resumes).toBe(0);
    output.ack(slow, high + 1 - low - 1);
    expect(pty.resumes).toBe(0);
    output.ack(slow, 1);
    expect(pty.resumes).toBe(1);
  });

  it('resume only when both are at or below the low watermark', async () => {
    const { pty, output, fast, slow } = await flooded();
    output.ack(slow, high + 1);
    output.ack(fast, high + 1 - low - 2); // still two bytes above
    expect(pty.resumes).toBe(0);
    output.ack(fast, 2);
    expect(pty.resumes).toBe(1);
  });

  it('resume when the slow one detaches (a closed tab must not stall the terminal)', async () => {
    const { pty, output, fast, slow } = await flooded();
    output.ack(fast, high + 1);
    output.detach(slow);
    expect(pty.resumes).toBe(1);
    output.push(Buffer.from('after'));
    await nextTurn();
    expect(slow.frames).toHaveLength(1);
    expect(fast.frames.at(-1)!.data.toString()).toBe('after');
  });
});

describe('a renderer whose send throws (a closed window or socket)', () => {
  it('is dropped: it no longer holds the pty paused nor gets frames, and the others carry on', async () => {
    const { pty, output } = fanOut();
    let attempts = 0;
    const dead: StreamClient = {
      send() {
        attempts++;
        throw new Error('socket closed');
      },
    };
    const alive = new Renderer();
    output.attach(dead);
    output.attach(alive);
    output.push(bytes(high + 1));
    await nextTurn();
    expect(attempts).toBe(1);
    expect(pty.pauses).toBe(1); // the live renderer has not acknowledged yet
    output.ack(alive, high + 1);
    expect(pty.resumes).toBe(1); // the dead one is not counted

    output.push(Buffer.from('more'));
    await nextTurn();
    expect(attempts).toBe(1);
    expect(alive.text.endsWith('more')).toBe(true);
  });
});

describe('a renderer that attaches late', () => {
  it('first gets the output so far, as it was, then new output', async () => {
    const { output } = fanOut();
    output.push(Buffer.from('$ echo hi\r\n'));
    output.push(Buffer.from('hi\r\n$ '));
    const renderer = new Renderer();
    output.attach(renderer);
    expect(renderer.frames.map((frame) => frame.data.toString())).toEqual(['$ echo hi\r\nhi\r\n$ ']);
    output.push(Buffer.from('ls'));
    await nextTurn();
    expect(renderer.text).toBe('$ echo hi\r\nhi\r\n$ ls');
  });

  it('does not get output twice that was still waiting to go to the others', async () => {
    const { output } = fanOut();
    const first = new Renderer();
    output.attach(first);
    output.push(Buffer.from('batched'));
    const second = new Renderer();
    output.attach(second);
    await nextTurn();
    expect(first.text).toBe('batched');
    expect(second.text).toBe('batched');
  });

  it('counts the replay as unacknowledged output: with the replay unparsed, less new output pauses the pty', async () => {
    const { pty, output } = fanOut();
    output.push(bytes(replayBytes));
    const renderer = new Renderer();
    output.attach(renderer);
    const replayed = renderer.frames[0]!.data.length;
    expect(replayed).toBeGreaterThan(0);
    output.push(bytes(high - replayed + 1)); // over the watermark only together with the replay
    await nextTurn();
    expect(pty.pauses).toBe(1);
    output.ack(renderer, high + 1);
    expect(pty.resumes).toBe(1);
  });

  /** Numbered lines of 40 bytes, so any line can be found again in the replay. */
  function history(totalBytes: number): Buffer {
    const lines: string[] = [];
    for (let n = 0; lines.length * 40 < totalBytes; n++) lines.push(`line ${String(n).padStart(8, '0')} ${'.'.repeat(25)}\n`);
    return Buffer.from(lines.join(''));
  }

  function expectTrimmedReplay(replay: Buffer, all: Buffer) {
    expect(replay.length).toBeLessThanOrEqual(replayBytes);
    expect(replay.length).toBeGreaterThan(replayBytes - 40); // at most the one cut line is lost
    expect(all.subarray(-replay.length).equals(replay)).toBe(true); // the end of the history
    expect(all[all.length - replay.length - 1]).toBe(0x0a); // starting at the start of a line
  }

  it('of a long history gets only its end, starting at a line, when the pty delivered it in odd-sized chunks', () => {
    const { output } = fanOut();
    const all = history(3 * replayBytes);
    for (let offset = 0; offset < all.length; offset += 4093) output.push(all.subarray(offset, offset + 4093));
    const renderer = new Renderer();
    output.attach(renderer);
    expect(renderer.frames).toHaveLength(1);
    expectTrimmedReplay(renderer.frames[0]!.data, all);
  });

  it('of one huge chunk gets only its end, starting at a line', () => {
    const { output } = fanOut();
    const all = history(3 * replayBytes);
    output.push(all);
    const renderer = new Renderer();
    output.attach(renderer);
    expectTrimmedReplay(renderer.frames[0]!.data, all);
  });
});

describe('a renderer that attaches again (a reloaded page, a terminal reset for a new shell)', () => {
  it('starts over: the flood it never acknowledged no longer holds the pty paused once it parsed the replay', async () => {
    const { pty, output, renderer } = await pausedByOneRenderer(); // the page stopped acknowledging: it is reloading
    expect(pty.pauses).toBe(1);

    output.attach(renderer);
    const replay = renderer.frames.at(-1)!.data;
    expect(replay.length).toBeGreaterThan(0);
    output.ack(renderer, replay.length); // the new screen has parsed what it was given
    expect(pty.resumes).toBe(1);
    expect(output.isPaused).toBe(false);

    output.push(Buffer.from('after'));
    await nextTurn();
    expect(renderer.frames.at(-1)!.data.toString()).toBe('after');
  });

  it('gets output that was still waiting in the batch once, inside the replay', async () => {
    const { output } = fanOut();
    const renderer = new Renderer();
    output.attach(renderer);
    output.push(Buffer.from('batched'));
    output.attach(renderer);
    await nextTurn();
    expect(renderer.frames.map((frame) => frame.data.toString())).toEqual(['batched']);
  });

  it('with nothing to replay, resumes a pty its old screen held paused', async () => {
    const { pty, output, renderer } = await pausedByOneRenderer();
    output.clearReplay(); // a new shell: the screen starts empty
    output.attach(renderer);
    expect(pty.resumes).toBe(1);
  });
});

describe('reset (the session closes or restarts)', () => {
  it('resumes a paused pty and forgets the renderers and any unsent batch', async () => {
    const { pty, output, renderer } = await pausedByOneRenderer();
    output.push(Buffer.from('unsent'));
    output.reset();
    expect(pty.resumes).toBe(1);
    expect(output.isPaused).toBe(false);
    await nextTurn();
    expect(renderer.frames).toHaveLength(1);
    output.push(bytes(high + 1));
    await nextTurn();
    expect(pty.pauses).toBe(1); // no renderer left to wait for
  });
});
