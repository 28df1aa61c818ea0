// Counts on the incident screens agree with their number: "1 event", never "1 events".
import { describe, expect, it } from 'vitest';
import { counted, countedOf } from '../../renderer/src/screens/incidents/counted';

describe('a count with its noun', () => {
  it('is singular for one and plural otherwise, with thousands separated', () => {
    expect(counted(1, 'event')).toBe('1 event');
    expect(counted(0, 'event')).toBe('0 events');
    expect(counted(2, 'correction')).toBe('2 corrections');
    expect(counted(1204, 'event')).toBe('1,204 events');
    expect(counted(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('agrees with the total when it counts progress', () => {
    expect(countedOf(1, 1, 'event')).toBe('1 of 1 event');
    expect(countedOf(1, 2, 'event')).toBe('1 of 2 events');
  });
});
