// Quitting the Electron shell while the console holds unsent text: Electron shows no dialog of its own and
// silently keeps the window, so the shell asks. Fake web contents: Electron cannot run here.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { askBeforeDiscardingUnsentWork, discardUnsentWorkQuestion } from '../../../electron/shells/electron/unsentWork';

function refuseUnload(contents: EventEmitter): { unloadAnyway: boolean } {
  const outcome = { unloadAnyway: false };
  contents.emit('will-prevent-unload', { preventDefault: () => (outcome.unloadAnyway = true) });
  return outcome;
}

describe('a quit while text is unsent', () => {
  it('asks, with keeping the text as the default, and quits only when told to discard', () => {
    const contents = new EventEmitter();
    const questions: unknown[] = [];
    let answer = 1;
    let stays = 0;
    askBeforeDiscardingUnsentWork(contents as never, (question) => (questions.push(question), answer), () => stays++);

    expect(refuseUnload(contents).unloadAnyway).toBe(false);
    expect(stays).toBe(1);
    answer = 0;
    expect(refuseUnload(contents).unloadAnyway).toBe(true);
    expect(stays).toBe(1);
    expect(questions).toEqual([discardUnsentWorkQuestion, discardUnsentWorkQuestion]);
    expect(discardUnsentWorkQuestion.buttons![discardUnsentWorkQuestion.defaultId!]).toBe('Keep editing');
    expect(discardUnsentWorkQuestion.cancelId).toBe(discardUnsentWorkQuestion.defaultId);
  });
});
