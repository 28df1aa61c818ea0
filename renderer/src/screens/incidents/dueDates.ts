// Due dates of action items as everything else in the console is written: ISO dates, UTC (never the
// browser's mm/dd/yyyy), and a date already past is questioned before it is kept.

/** Today's date in UTC, "2026-12-05". */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type DueDateInput = { ok: true; due: string | null } | { ok: false; message: string };

/** Reads a typed due date: empty means none; otherwise a real calendar date as YYYY-MM-DD. */
export function readDueDate(typed: string): DueDateInput {
  const text = typed.trim();
  if (!text) return { ok: true, due: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, message: `must be a date written YYYY-MM-DD (UTC), e.g. ${todayUtc()}; got “${text}”` };
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, message: `${text} is not a date in the calendar` };
  return { ok: true, due: text };
}

/** ISO dates compare as text. */
export function isPastDue(due: string | null, today: string = todayUtc()): boolean {
  return due !== null && due < today;
}

/** "2020-01-01 is in the past (today is 2026-12-05 UTC)." */
export function pastDueSentence(due: string, today: string = todayUtc()): string {
  return `${due} is in the past (today is ${today} UTC).`;
}
