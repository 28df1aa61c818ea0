// The incident's timeline, oldest first, newest at the bottom next to the note field. Windowed: only the
// rows in view are rendered, so 10,000 events scroll like 10. It follows new events while you are at the
// bottom, and stays put (offering a jump back) while you read further up.
//
// For the keyboard the timeline is one Tab stop (a roving tabindex, as in WAI-ARIA's grid and listbox
// practice): Tab lands on one entry (the newest, until another is chosen); ↑ ↓ Home End PageUp PageDown move
// between entries; Tab goes on to that entry's own buttons (Correct…, its links) and then out of the
// timeline; C corrects the entry; Esc on one of its buttons goes back to the entry.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../../../electron/contract';
import { CorrectionDialog } from './CorrectionDialog';
import { counted, countedOf } from './counted';
import { utcDay } from './formatTime';
import { TimelineRow } from './TimelineRow';
import { useVirtualRows } from './useVirtualRows';

/** A one-line entry's height before it is measured. */
const rowEstimate = 58;

interface TimelineProps {
  events: TimelineEvent[];
  done: boolean;
  error?: string;
  expectedCount?: number;
  /** Bumped when the responder adds something: jump to the newest event. */
  latestSignal: number;
}

export function Timeline({ events, done, error, expectedCount, latestSignal }: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);
  const [follow, setFollow] = useState(true);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [correcting, setCorrecting] = useState<TimelineEvent>();
  const [highlight, setHighlight] = useState<string>();
  /** The entry holding the timeline's Tab stop; none chosen yet means the newest. */
  const [activeId, setActiveId] = useState<string>();
  /** An entry to focus once it is rendered (it was outside the window when chosen). */
  const pendingFocus = useRef<string | undefined>(undefined);
  const hintId = useId();

  const indexById = useMemo(() => new Map(events.map((event, index) => [event.id, index])), [events]);
  const correctionsOf = useMemo(() => {
    const map = new Map<string, TimelineEvent[]>();
    for (const event of events) {
      if (event.kind !== 'correction') continue;
      const target = String(event.data.correctsEventId ?? '');
      map.set(target, [...(map.get(target) ?? []), event]);
    }
    return map;
  }, [events]);

  const keyAt = useCallback((index: number) => events[index]!.id, [events]);
  const { rows, totalHeight, measureRef, scrollToIndex } = useVirtualRows({ scrollRef, count: events.length, keyAt, estimate: rowEstimate });
  const activeIndex = (activeId === undefined ? undefined : indexById.get(activeId)) ?? events.length - 1;
  const activeRendered = rows.some((row) => row.index === activeIndex);

  const setFollowing = (value: boolean) => {
    followRef.current = value;
    setFollow(value);
  };

  // While following, every growth of the list (new events, rows measured) keeps the newest in view.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && followRef.current) element.scrollTop = element.scrollHeight;
  }, [totalHeight]);

  useEffect(() => {
    if (!latestSignal) return;
    setFollowing(true);
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [latestSignal]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
    if (atBottom !== followRef.current) setFollowing(atBottom);
  };

  const jumpTo = useCallback(
    (eventId: string) => {
      const index = indexById.get(eventId);
      if (index === undefined) return;
      followRef.current = false;
      setFollow(false);
      scrollToIndex(index, 'center');
      setHighlight(eventId);
      requestAnimationFrame(() => requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-key="${eventId}"]`)?.focus({ preventScroll: true })));
    },
    [indexById, scrollToIndex],
  );

  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(undefined), 2500);
    return () => clearTimeout(timer);
  }, [highlight]);

  const toggle = useCallback((eventId: string) => {
    // Reading an expanded entry: stop following, so it does not slide away as it grows.
    followRef.current = false;
    setFollow(false);
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(eventId)) next.delete(eventId);
      else next.add(eventId);
      return next;
    });
  }, []);

  const rowElement = (eventId: string) => scrollRef.current?.querySelector<HTMLElement>(`.tl-row[data-key="${CSS.escape(eventId)}"]`) ?? null;

  /** Focuses a rendered entry, scrolling only as far as needed to show it whole. */
  const focusRendered = (element: HTMLElement) => {
    const scroller = scrollRef.current;
    element.focus({ preventScroll: true });
    if (!scroller) return;
    const top = Number(element.dataset.start ?? 0);
    const bottom = top + element.offsetHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
  };

  const focusEntry = (index: number) => {
    const event = events[Math.max(0, Math.min(events.length - 1, index))];
    if (!event) return;
    setActiveId(event.id);
    const element = rowElement(event.id);
    if (element) return focusRendered(element);
    // Outside the window: bring it in, and focus it once it is rendered.
    pendingFocus.current = event.id;
    scrollToIndex(indexById.get(event.id)!, 'center');
  };

  useEffect(() => {
    const eventId = pendingFocus.current;
    const element = eventId && rowElement(eventId);
    if (!element) return;
    pendingFocus.current = undefined;
    focusRendered(element);
  }, [rows]);

  const onListKeyDown = (keyEvent: KeyboardEvent<HTMLOListElement>) => {
    const target = keyEvent.target as HTMLElement;
    const row = target.closest<HTMLElement>('.tl-row');
    const index = row?.dataset.key === undefined ? undefined : indexById.get(row.dataset.key);
    if (!row || index === undefined || keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    if (target !== row) {
      // On one of the entry's own buttons: Esc goes back to the entry.
      if (keyEvent.key === 'Escape') {
        keyEvent.preventDefault();
        row.focus();
      }
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowEstimate) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: events.length - 1, PageDown: index + page, PageUp: index - page };
    if (keyEvent.key in moves) {
      keyEvent.preventDefault();
      focusEntry(moves[keyEvent.key]!);
    } else if (keyEvent.key.toLowerCase() === 'c') {
      keyEvent.preventDefault();
      setCorrecting(events[index]);
    }
  };

  // Whatever gets focus inside an entry (a click, a jump to a correction) makes it the Tab stop.
  const onListFocus = (focusEvent: FocusEvent<HTMLOListElement>) => {
    const key = (focusEvent.target as HTMLElement).closest<HTMLElement>('.tl-row')?.dataset.key;
    if (key !== undefined && key !== activeId) setActiveId(key);
  };

  // The entry holding the Tab stop was scrolled out of the window (or left it while focused): the scroller
  // stands in for it, and once the window's rows are in place hands focus to the first entry in view.
  const handOffToEntryInView = useCallback(() => {
    requestAnimationFrame(() => {
      const scroller = scrollRef.current;
      if (!scroller || document.activeElement !== scroller) return;
      const inView = [...scroller.querySelectorAll<HTMLElement>('.tl-row')]
        .filter((element) => Number(element.dataset.start ?? 0) >= scroller.scrollTop - 1)
        .sort((a, b) => Number(a.dataset.start) - Number(b.dataset.start))[0];
      if (!inView?.dataset.key) return;
      setActiveId(inView.dataset.key);
      focusRendered(inView);
    });
  }, []);

  const onScrollerFocus = (focusEvent: FocusEvent<HTMLDivElement>) => {
    if (focusEvent.target === scrollRef.current) handOffToEntryInView();
  };

  const onRowFocusLost = useCallback(() => {
    scrollRef.current?.focus({ preventScroll: true });
    handOffToEntryInView();
  }, [handOffToEntryInView]);

  const loading = !done && !error;
  return (
    <div className="timeline">
      <div ref={scrollRef} className="timeline-scroller" tabIndex={activeRendered ? -1 : 0} role="region" aria-label="Timeline events, oldest first" onScroll={onScroll} onFocus={onScrollerFocus}>
        {events.length === 0 && <p className="timeline-empty muted">{error ? '' : 'Loading the timeline…'}</p>}
        <p id={hintId} className="inc-sr-only">
          Up and down arrows move between entries; Tab reaches the entry's buttons; C adds a correction.
        </p>
        <ol className="timeline-list" aria-label="Timeline" style={{ height: totalHeight }} onKeyDown={onListKeyDown} onFocus={onListFocus}>
          {rows.map(({ index, start }) => {
            const event = events[index]!;
            const previous = index > 0 ? events[index - 1] : undefined;
            const day = !previous || previous.occurredAt.slice(0, 10) !== event.occurredAt.slice(0, 10) ? utcDay(event.occurredAt) : undefined;
            const targetIndex = event.kind === 'correction' ? indexById.get(String(event.data.correctsEventId ?? '')) : undefined;
            return (
              <TimelineRow
                key={event.id}
                event={event}
                index={index}
                setSize={events.length}
                start={start}
                dayMarker={day}
                corrections={correctionsOf.get(event.id)}
                corrects={targetIndex === undefined ? undefined : events[targetIndex]}
                expanded={expanded.has(event.id)}
                highlighted={highlight === event.id}
                active={index === activeIndex}
                hintId={hintId}
                measureRef={measureRef}
                onToggle={toggle}
                onCorrect={setCorrecting}
                onJump={jumpTo}
                onFocusLost={onRowFocusLost}
              />
            );
          })}
        </ol>
      </div>
      <div className="timeline-footer-status" role="status">
        {loading && events.length > 0 && `Loading the timeline… ${expectedCount ? countedOf(events.length, expectedCount, 'event') : counted(events.length, 'event')}`}
        {error && <span className="inc-alert-text">Could not load the whole timeline: {error}</span>}
      </div>
      {!follow && events.length > 0 && (
        <button
          type="button"
          className="button inc-button-small timeline-jump"
          onClick={() => {
            setFollowing(true);
            const element = scrollRef.current;
            if (element) element.scrollTop = element.scrollHeight;
          }}
        >
          ↓ Jump to latest
        </button>
      )}
      {correcting && (
        <CorrectionDialog
          event={correcting}
          onClose={() => setCorrecting(undefined)}
          onAdded={(correction) => {
            setCorrecting(undefined);
            setHighlight(correction.id);
            setFollowing(true);
          }}
        />
      )}
    </div>
  );
}
