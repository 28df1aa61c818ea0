// Small text helpers shared by the Markdown exports: UTC times, durations, placeholders and table cells.
// Reports are read by people in other time zones and pasted into wikis, so every time is explicit UTC.

/** What an empty field shows: visible in the rendered report, so nobody mistakes a gap for "nothing to say". */
export const toBeWritten = '_To be written_';

/** "2026-03-01 14:05:09 UTC", as everywhere else in Holdfast; an unparseable value is shown as given. */
export { utcText as utcTime } from '../../contract';

/** "2026-03-01 14:05 UTC": the incident-log template's YYYY-MM-DD HH:MM. */
export function utcMinute(iso: string | null | undefined): string {
  const date = parseTime(iso);
  if (!date) return iso ? String(iso) : '';
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

export function utcDay(iso: string | null | undefined): string {
  const date = parseTime(iso);
  return date ? date.toISOString().slice(0, 10) : '';
}

export function parseTime(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "2h 15m", "3d 4h", "45s": coarse enough to read aloud, exact enough for a post-mortem. */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return '';
  const totalSeconds = Math.floor(milliseconds / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return parts.slice(0, 3).join(' ');
}

/** Duration between two timestamps, or '' when either is missing or they are out of order. */
export function durationBetween(from: string | null | undefined, to: string | null | undefined): string {
  const start = parseTime(from);
  const end = parseTime(to);
  return start && end ? formatDuration(end.getTime() - start.getTime()) : '';
}

/**
 * One table cell: a raw `|` would end the cell and a newline would end the row, so both are escaped
 * (GFM `\|`, `<br>`); an empty cell gets the placeholder so the column never looks forgotten.
 */
export function cell(text: string | null | undefined, empty = toBeWritten): string {
  const value = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!value) return empty;
  return withoutTags(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/**
 * `<` as `&lt;` in text that is a value, not the author's Markdown (titles, names, table cells): renderers
 * that pass HTML through (many wikis) must not get a `<script>` or `<img onerror>` from an incident title.
 */
function withoutTags(text: string): string {
  return text.replace(/</g, '&lt;');
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A free-text block: the user's own Markdown, kept as written, or the placeholder. */
export function block(text: string | null | undefined, empty = toBeWritten): string {
  const value = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return value || empty;
}

/** One line for a bullet or a `**Field**:` line: newlines would split the list item or the field. */
export function oneLine(text: string | null | undefined, empty = toBeWritten): string {
  const value = withoutTags((text ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim());
  return value || empty;
}

/** Text that must become bullets ("What Went Well?") : kept if already a list, else one bullet. */
export function bullets(text: string | null | undefined, empty = toBeWritten): string {
  const value = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!value) return `- ${empty}`;
  return /^\s*([-*+]|\d+[.)])\s/.test(value) ? value : `- ${value.replace(/\n/g, '\n  ')}`;
}
