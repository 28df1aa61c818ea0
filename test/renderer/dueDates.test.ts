// Action item due dates as the rest of the console writes time: ISO, UTC; and a date already past is
// noticed.
import { describe, expect, it } from 'vitest';
import { isPastDue, pastDueSentence, readDueDate, todayUtc } from '../../renderer/src/screens/incidents/dueDates';

describe('a typed due date', () => {
  it('is an ISO calendar date, or nothing', () => {
    expect(readDueDate(' 2027-02-28 ')).toEqual({ ok: true, due: '2027-02-28' });
    expect(readDueDate('')).toEqual({ ok: true, due: null });
    expect(readDueDate('02/28/2027')).toMatchObject({ ok: false, message: expect.stringMatching(/^must be a date written YYYY-MM-DD \(UTC\), e\.g\. \d{4}-\d\d-\d\d; got “02\/28\/2027”$/) });
    expect(readDueDate('2027-02-30')).toEqual({ ok: false, message: '2027-02-30 is not a date in the calendar' });
  });

  it('is past when before today in UTC (today itself is not)', () => {
    const today = todayUtc(new Date('2026-12-05T23:59:59Z'));
    expect(today).toBe('2026-12-05');
    expect(isPastDue('2020-01-01', today)).toBe(true);
    expect(isPastDue('2026-12-04', today)).toBe(true);
    expect(isPastDue('2026-12-05', today)).toBe(false);
    expect(isPastDue(null, today)).toBe(false);
    expect(pastDueSentence('2020-01-01', today)).toBe('2020-01-01 is in the past (today is 2026-12-05 UTC).');
  });
});
