// Long texts are counted against the contract's limits before they are sent, and a refusal is a sentence
// a responder reads at 3 a.m., not a schema error.
import { describe, expect, it } from 'vitest';
import { incidentTextLimits } from '../../electron/contract';
import { counterText, countedLength, isNearLimit, overLimitSentence } from '../../renderer/src/screens/incidents/textLimits';

describe('the note limit', () => {
  it('is said in a sentence, with thousands separators', () => {
    expect(overLimitSentence('Notes', 116_000, incidentTextLimits.note)).toBe('Notes are limited to 20,000 characters; this one has 116,000.');
  });

  it('is counted as the host counts: after trimming', () => {
    expect(countedLength(`  ${'x'.repeat(10)}\n\n`)).toBe(10);
  });

  it('shows a counter only as the limit nears, saying how many are too many past it', () => {
    expect(isNearLimit(15_999, 20_000)).toBe(false);
    expect(isNearLimit(16_000, 20_000)).toBe(true);
    expect(counterText(19_850, 20_000)).toBe('19,850 / 20,000 characters');
    expect(counterText(20_040, 20_000)).toBe('20,040 / 20,000 characters: 40 too many');
  });
});
