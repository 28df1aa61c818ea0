// The timeline in memory: events sorted by seq, each once, whether it came from a page or was pushed live.
import type { TimelineEvent } from '../../../../electron/contract';

/** Index of the first event with seq >= `seq` (binary search; the list is sorted by seq). */
export function lowerBound(events: readonly TimelineEvent[], seq: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Returns a new sorted list with `incoming` merged in; the same list when nothing was new. */
export function mergeEvents(existing: readonly TimelineEvent[], incoming: readonly TimelineEvent[]): TimelineEvent[] | undefined {
  if (incoming.length === 0) return undefined;
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  const last = existing[existing.length - 1];
  // The common cases: a page or a live event after everything already held.
  if (!last || sorted[0]!.seq > last.seq) return [...existing, ...dedupe(sorted)];
  const result = existing.slice();
  let changed = false;
  for (const event of sorted) {
    const at = lowerBound(result, event.seq);
    if (result[at]?.seq === event.seq) continue;
    result.splice(at, 0, event);
    changed = true;
  }
  return changed ? result : undefined;
}

function dedupe(sorted: TimelineEvent[]): TimelineEvent[] {
  return sorted.filter((event, index) => index === 0 || sorted[index - 1]!.seq !== event.seq);
}
