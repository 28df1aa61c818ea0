// Keystrokes and pastes on their way to the host, in the order they were typed. One call is in flight at a
// time; whatever is typed meanwhile goes out together in the next call, so fast typing costs few round
// trips and a slow reply can never let a later keystroke overtake an earlier one. Text and raw bytes
// (xterm.js's onBinary) keep their order but never share a call: the host writes text as UTF-8.
// When a call fails, whatever was typed after it is dropped, not sent: the shell got a line with a piece
// missing, and the Enter typed after that piece must not run it.

/** Below the contract's 1,000,000-character limit of terminals.input, so a huge paste goes in pieces. */
export const maxInputChunk = 64 * 1024;

export interface InputQueue {
  /** `binary`: one byte per character, written as is. */
  push(data: string, binary?: boolean): void;
}

interface Pending {
  data: string;
  binary: boolean;
}

/** `droppedCharacters`: what was typed after the failed call and was not sent. */
export function createInputQueue(send: (data: string, binary: boolean) => Promise<unknown>, onError: (error: unknown, droppedCharacters: number) => void): InputQueue {
  const waiting: Pending[] = [];
  let sending = false;

  const pump = async () => {
    sending = true;
    while (waiting.length > 0) {
      const next = waiting[0]!;
      const chunk = next.binary ? next.data.slice(0, maxInputChunk) : takeChunk(next.data);
      if (chunk.length === next.data.length) waiting.shift();
      else next.data = next.data.slice(chunk.length);
      try {
        await send(chunk, next.binary);
      } catch (error) {
        const dropped = waiting.splice(0).reduce((total, pending) => total + pending.data.length, 0);
        onError(error, dropped);
      }
    }
    sending = false;
  };

  return {
    push(data, binary = false) {
      if (!data) return;
      const last = waiting[waiting.length - 1];
      if (last && last.binary === binary) last.data += data;
      else waiting.push({ data, binary });
      if (!sending) void pump();
    },
  };
}

/** The first piece of `text`, never ending between the two halves of a surrogate pair. */
function takeChunk(text: string): string {
  if (text.length <= maxInputChunk) return text;
  const last = text.charCodeAt(maxInputChunk - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? maxInputChunk - 1 : maxInputChunk);
}
