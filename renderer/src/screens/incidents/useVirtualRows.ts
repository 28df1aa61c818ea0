// Windowing for long lists of rows whose heights vary (a one-line note, an expanded status update): only
// the rows in view (plus a margin) are in the DOM. Heights start as an estimate and are measured once a
// row renders; when a row above the viewport changes size, the scroll position is kept on what you read.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

export interface VirtualRow {
  index: number;
  key: string;
  start: number;
}

export interface VirtualRows {
  rows: VirtualRow[];
  totalHeight: number;
  /** Callback ref for each rendered row (carries data-key and data-start) so its real height is measured. */
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
  scrollToIndex(index: number, align?: 'start' | 'center' | 'end'): void;
}

interface Options {
  scrollRef: RefObject<HTMLElement | null>;
  count: number;
  keyAt: (index: number) => string;
  estimate: number;
  /** Extra pixels rendered above and below the viewport. */
  overscanPx?: number;
}

export function useVirtualRows({ scrollRef, count, keyAt, estimate, overscanPx = 600 }: Options): VirtualRows {
  const sizes = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });

  // Prefix sums of row heights: offsets[i] is where row i starts; offsets[count] is the total.
  const offsets = useMemo(() => {
    const result = new Float64Array(count + 1);
    for (let index = 0; index < count; index++) result[index + 1] = result[index]! + (sizes.current.get(keyAt(index)) ?? estimate);
    return result;
    // `measured` changes whenever a height does; keyAt changes with the data.
  }, [count, keyAt, estimate, measured]);
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;

  // Follow the scroll position and the viewport's size (one update per frame at most).
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((previous) => (previous.top === element.scrollTop && previous.height === element.clientHeight ? previous : { top: element.scrollTop, height: element.clientHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  // One observer measures every rendered row.
  const pendingBump = useRef(0);
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        const element = scrollRef.current;
        // Scroll anchoring is for reading mid-list; at the bottom the list's owner keeps the end in view.
        const atEnd = !element || element.scrollHeight - element.scrollTop - element.clientHeight < 2;
        let anchorShift = 0;
        let changed = false;
        for (const entry of entries) {
          const target = entry.target as HTMLElement;
          const key = target.dataset.key;
          if (!key || !target.isConnected) continue;
          const height = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
          const previous = sizes.current.get(key) ?? estimate;
          if (Math.abs(previous - height) < 0.5) continue;
          sizes.current.set(key, height);
          changed = true;
          const start = Number(target.dataset.start ?? 0);
          if (element && !atEnd && start + previous <= element.scrollTop) anchorShift += height - previous;
        }
        if (element && anchorShift) element.scrollTop += anchorShift;
        if (changed && !pendingBump.current) {
          pendingBump.current = requestAnimationFrame(() => {
            pendingBump.current = 0;
            setMeasured((value) => value + 1);
          });
        }
      }),
    [scrollRef, estimate],
  );
  useEffect(() => () => observer.disconnect(), [observer]);

  const measureRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return undefined;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  const total = offsets[count] ?? 0;
  const rows = useMemo(() => {
    if (count === 0) return [];
    const top = Math.max(0, viewport.top - overscanPx);
    const bottom = viewport.top + Math.max(viewport.height, 1) + overscanPx;
    const first = Math.max(0, upperBound(offsets, top) - 1);
    const result: VirtualRow[] = [];
    for (let index = first; index < count && offsets[index]! < bottom; index++) result.push({ index, key: keyAt(index), start: offsets[index]! });
    return result;
  }, [offsets, viewport, count, keyAt, overscanPx]);

  const scrollToIndex = useCallback(
    (index: number, align: 'start' | 'center' | 'end' = 'center') => {
      const element = scrollRef.current;
      const current = offsetsRef.current;
      if (!element || index < 0 || index >= current.length - 1) return;
      const start = current[index]!;
      const height = current[index + 1]! - start;
      const target = align === 'start' ? start : align === 'end' ? start + height - element.clientHeight : start - (element.clientHeight - height) / 2;
      element.scrollTop = Math.max(0, target);
    },
    [scrollRef],
  );

  return { rows, totalHeight: total, measureRef, scrollToIndex };
}

/** First index whose offset is greater than `value`. */
function upperBound(offsets: Float64Array, value: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
