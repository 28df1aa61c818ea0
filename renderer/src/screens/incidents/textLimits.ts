// Long texts checked against the contract's own limits before anything is sent: a counter as the limit
// nears, and a plain sentence instead of the host's schema error when it is passed. The host counts after
// trimming, so this does too.
import { incidentTextLimits } from '../../../../electron/contract';

export { incidentTextLimits };

/** The counter appears from this share of the limit on. */
const nearShare = 0.8;

const count = (value: number) => value.toLocaleString('en');

/** How long the host will find the text (it trims first). */
export function countedLength(text: string): number {
  return text.trim().length;
}

export function isNearLimit(length: number, max: number): boolean {
  return length >= max * nearShare;
}

/** "19,850 / 20,000 characters", or "20,040 / 20,000 characters: 40 too many". */
export function counterText(length: number, max: number): string {
  const base = `${count(length)} / ${count(max)} characters`;
  return length > max ? `${base}: ${count(length - max)} too many` : base;
}

/** "Notes are limited to 20,000 characters; this one has 116,280." */
export function overLimitSentence(things: string, length: number, max: number): string {
  return `${things} are limited to ${count(max)} characters; this one has ${count(length)}.`;
}
