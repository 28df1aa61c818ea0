// Keystrokes and pastes on their way to the host, in the order they were typed. One call is in flight at a
// time; whatever is typed meanwhile goes out together in the next call, so fast typing costs few round
// trips and a slow reply can never let a later keystroke overtake an earlier one.

/** Below the contract's 1,000,000-character limit of terminals.input, so a huge paste goes in pieces. */
export const maxInputChunk = 64 * 1024;

export interface InputQueue {
  push(data: string): void;
}

export function createInputQueue(send: (data: string) => Promise<unknown>, onError: (error: unknown) => void): InputQueue {
  let waiting = '';
  let sending = false;

  const pump = async () => {
    sending = true;
    while (waiting) {
      const chunk = takeChunk(waiting);
      waiting = waiting.slice(chunk.length);
      try {
        await send(chunk);
      } catch (error) {
        onError(error);
      }
    }
    sending = false;
  };

  return {
    push(data) {
      waiting += data;
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
