// One timeline event: UTC time (local on hover), kind, author, what happened in one line, and the links
// between an event and its corrections. Memoised: with 10,000 events only changed rows re-render. Only the
// active entry (the timeline's one Tab stop, see Timeline) and its buttons are in the Tab order.
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { counted } from './counted';
import type { TimelineEvent } from '../../../../electron/contract';
import { describeEvent, firstLine, kindLabel } from './describeEvent';
import { utcClock } from './formatTime';
import { KindIcon } from './incidentIcons';
import { UtcTime } from './UtcTime';

export interface TimelineRowProps {
  event: TimelineEvent;
  index: number;
  setSize: number;
  start: number;
  /** Shown when the day (UTC) differs from the row before. */
  dayMarker?: string;
  corrections?: TimelineEvent[];
  corrects?: TimelineEvent;
  expanded: boolean;
  highlighted: boolean;
  /** Holds the timeline's Tab stop. */
  active: boolean;
  /** The keyboard hint every entry is described by. */
  hintId: string;
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
  onToggle: (eventId: string) => void;
  onCorrect: (event: TimelineEvent) => void;
  onJump: (eventId: string) => void;
  /** The row is leaving the window (scrolled away) while it holds focus. Must keep its identity. */
  onFocusLost: () => void;
}

const longText = (text: string) => text.length > 360 || text.split('\n').length > 5;

export const TimelineRow = memo(function TimelineRow({ event, index, setSize, start, dayMarker, corrections, corrects, expanded, highlighted, active, hintId, measureRef, onToggle, onCorrect, onJump, onFocusLost }: TimelineRowProps) {
  const description = describeEvent(event);
  const freeText = event.kind === 'note' || event.kind === 'correction';
  const fullText = event.kind === 'status_update' ? String(event.data.text ?? '') : freeText ? description : '';
  const expandable = event.kind === 'status_update' ? Boolean(fullText) : freeText && longText(description);
  const latestCorrection = corrections?.[corrections.length - 1];
  const time = utcClock(event.occurredAt);
  const tabIndex = active ? 0 : -1;
  const rowRef = useRef<HTMLLIElement | null>(null);
  const setRow = useCallback(
    (element: HTMLLIElement | null) => {
      rowRef.current = element;
      return measureRef(element);
    },
    [measureRef],
  );
  // Runs before the row leaves the page: focus inside it would otherwise fall to the page's body.
  useLayoutEffect(
    () => () => {
      if (rowRef.current?.contains(document.activeElement)) onFocusLost();
    },
    [onFocusLost],
  );

  return (
    <li
      ref={setRow}
      data-key={event.id}
      data-start={start}
      tabIndex={tabIndex}
      aria-describedby={hintId}
      aria-keyshortcuts="C"
      className={['tl-row', `tl-kind-${event.kind}`, highlighted ? 'tl-highlight' : '', latestCorrection ? 'tl-corrected' : ''].filter(Boolean).join(' ')}
      style={{ transform: `translateY(${start}px)` }}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      <div className="tl-time">
        {dayMarker && <span className="tl-day">{dayMarker}</span>}
        <UtcTime iso={event.occurredAt} format="clock" />
      </div>
      <div className={`tl-icon tl-icon-${event.kind}`}>
        <KindIcon kind={event.kind} />
      </div>
      <div className="tl-main">
        <div className="tl-meta">
          <span className="tl-kind">{kindLabel(event.kind)}</span>
          <span className="tl-author">{event.author}</span>
          <span className="tl-seq" title={`Entry ${index + 1} of ${setSize} on this timeline (log sequence ${event.seq})`}>
            #{index + 1}
          </span>
        </div>
        {event.kind === 'status_update' && expanded ? (
          <pre className="tl-update-text">{fullText}</pre>
        ) : (
          <p className={freeText ? (expanded ? 'tl-text tl-text-free' : 'tl-text tl-text-free tl-text-clamped') : 'tl-text tl-text-line'} title={freeText ? undefined : description}>
            {description}
          </p>
        )}
        {corrects && (
          <button type="button" className="tl-link" tabIndex={tabIndex} onClick={() => onJump(corrects.id)}>
            ↳ Corrects {kindLabel(corrects.kind).toLowerCase()} at {utcClock(corrects.occurredAt)}: “{firstLine(describeEvent(corrects)).slice(0, 80)}”
          </button>
        )}
        {latestCorrection && (
          <button type="button" className="tl-link tl-link-correction" tabIndex={tabIndex} onClick={() => onJump(latestCorrection.id)}>
            ✎ Corrected at {utcClock(latestCorrection.occurredAt)}
            {corrections!.length > 1 ? ` (${counted(corrections!.length, 'correction')})` : ''}: “{firstLine(String(latestCorrection.data.text ?? '')).slice(0, 80)}”
          </button>
        )}
        {expandable && (
          <button type="button" className="tl-link" tabIndex={tabIndex} aria-expanded={expanded} onClick={() => onToggle(event.id)}>
            {expanded ? 'Show less' : event.kind === 'status_update' ? 'Show full update' : 'Show all'}
          </button>
        )}
      </div>
      <button type="button" className="tl-correct" tabIndex={tabIndex} onClick={() => onCorrect(event)} aria-label={`Correct ${kindLabel(event.kind).toLowerCase()} at ${time}`} title="Add a correction (the original stays on the record)">
        Correct…
      </button>
    </li>
  );
});
