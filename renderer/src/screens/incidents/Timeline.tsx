// The incident's timeline, oldest first, newest at the bottom next to the note field. Windowed: only the
// rows in view are rendered, so 10,000 events scroll like 10. It follows new events while you are at the
// bottom, and stays put (offering a jump back) while you read further up.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEvent } from '../../../../electron/contract';
import { CorrectionDialog } from './CorrectionDialog';
import { utcDay } from './formatTime';
import { TimelineRow } from './TimelineRow';
import { useVirtualRows } from './useVirtualRows';

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
  const { rows, totalHeight, measureRef, scrollToIndex } = useVirtualRows({ scrollRef, count: events.length, keyAt, estimate: 58 });

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

  const loading = !done && !error;
  return (
    <div className="timeline">
      <div ref={scrollRef} className="timeline-scroller" tabIndex={0} role="region" aria-label="Timeline events, oldest first" onScroll={onScroll}>
        {events.length === 0 && <p className="timeline-empty muted">{error ? '' : 'Loading the timeline…'}</p>}
        <ol className="timeline-list" aria-label="Timeline" style={{ height: totalHeight }}>
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
                measureRef={measureRef}
                onToggle={toggle}
                onCorrect={setCorrecting}
                onJump={jumpTo}
              />
            );
          })}
        </ol>
      </div>
      <div className="timeline-footer-status" role="status">
        {loading && events.length > 0 && `Loading the timeline… ${events.length}${expectedCount ? ` of ${expectedCount}` : ''} events`}
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
