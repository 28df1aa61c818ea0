// Time as responders read it: UTC on screen (timelines are UTC), the local time on hover, durations short.

const pad = (value: number) => String(value).padStart(2, '0');

/** "14:03:22" in UTC. */
export function utcClock(iso: string): string {
  return iso.slice(11, 19);
}

/** "2026-04-03 14:03 UTC". */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "2026-04-03 14:03", where the column header already says UTC. */
export function utcShort(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** "2026-04-03 14:03:22 UTC". */
export function utcFull(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "Apr 03" in UTC, for day markers on the timeline. */
export function utcDay(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${pad(date.getUTCDate())}`;
}

/** What the hover shows: the same instant in the responder's own time zone. */
export function localTitle(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `Local: ${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })} · UTC: ${utcFull(iso)}`;
}

/** "45s", "12m", "1h 05m", "2d 3h": compact enough for a phase bar, exact enough at 3 a.m. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "2026-04-03T14:30:00Z" → "2026-04-03 14:30": how a UTC time is typed (no AM/PM, no local zone). */
export function toUtcInputValue(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The reverse: "2026-04-03 14:30" (or with T, seconds, a trailing Z) → "2026-04-03T14:30:00Z". Anything
 * else is passed on as typed, so the host's validation names the field.
 */
export function fromUtcInputValue(value: string): string {
  const match = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?Z?\s*$/i.exec(value);
  return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}Z` : value.trim();
}
