// One timeline event: UTC time (local on hover), kind, author, what happened in one line, and the links
// between an event and its corrections. Memoised: with 10,000 events only changed rows re-render.
import { memo } from 'react';
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
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
  onToggle: (eventId: string) => void;
  onCorrect: (event: TimelineEvent) => void;
  onJump: (eventId: string) => void;
}

const longText = (text: string) => text.length > 360 || text.split('\n').length > 5;

export const TimelineRow = memo(function TimelineRow({ event, index, setSize, start, dayMarker, corrections, corrects, expanded, highlighted, measureRef, onToggle, onCorrect, onJump }: TimelineRowProps) {
  const description = describeEvent(event);
  const freeText = event.kind === 'note' || event.kind === 'correction';
  const fullText = event.kind === 'status_update' ? String(event.data.text ?? '') : freeText ? description : '';
  const expandable = event.kind === 'status_update' ? Boolean(fullText) : freeText && longText(description);
  const latestCorrection = corrections?.[corrections.length - 1];
  const time = utcClock(event.occurredAt);

  return (
    <li
      ref={measureRef}
      data-key={event.id}
      data-start={start}
      tabIndex={-1}
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
          <button type="button" className="tl-link" onClick={() => onJump(corrects.id)}>
            ↳ Corrects {kindLabel(corrects.kind).toLowerCase()} at {utcClock(corrects.occurredAt)}: “{firstLine(describeEvent(corrects)).slice(0, 80)}”
          </button>
        )}
        {latestCorrection && (
          <button type="button" className="tl-link tl-link-correction" onClick={() => onJump(latestCorrection.id)}>
            ✎ Corrected at {utcClock(latestCorrection.occurredAt)}
            {corrections!.length > 1 ? ` (${corrections!.length} corrections)` : ''}: “{firstLine(String(latestCorrection.data.text ?? '')).slice(0, 80)}”
          </button>
        )}
        {expandable && (
          <button type="button" className="tl-link" aria-expanded={expanded} onClick={() => onToggle(event.id)}>
            {expanded ? 'Show less' : event.kind === 'status_update' ? 'Show full update' : 'Show all'}
          </button>
        )}
      </div>
      <button type="button" className="tl-correct" onClick={() => onCorrect(event)} aria-label={`Correct ${kindLabel(event.kind).toLowerCase()} at ${time}`} title="Add a correction (the original stays on the record)">
        Correct…
      </button>
    </li>
  );
});
