// Time spent in each status, the current one growing live, against the severity's response target and the
// status-update cadence. Overdue is said in words (and a glyph), not only in colour.
import { useMemo } from 'react';
import type { Incident, TimelineEvent } from '../../../../electron/contract';
import { formatDuration, localTitle, utcClock, utcDateTime } from './formatTime';
import { lastStatusUpdate, nextUpdateDue, phasesOf, responseTarget } from './phases';
import { statusLabel } from './statusLabels';
import { useNow } from './useNow';

export function PhaseBar({ incident, timeline }: { incident: Incident; timeline: readonly TimelineEvent[] }) {
  const now = useNow(1000);
  const phases = useMemo(() => phasesOf(incident.detectedAt, timeline), [incident.detectedAt, timeline]);
  const last = useMemo(() => lastStatusUpdate(timeline), [timeline]);
  const target = responseTarget(incident, phases, now);
  const due = nextUpdateDue(incident, last);
  const closed = incident.status === 'closed';

  const responseText = (() => {
    const limit = target.minutes === undefined ? '' : ` (${target.minutes} min)`;
    switch (target.state) {
      case 'met':
        return `Response target${limit} met: first response after ${formatDuration(target.tookMs!)}`;
      case 'missed':
        return `Response target${limit} missed by ${formatDuration(target.marginMs!)}`;
      case 'running':
        return `Response target${limit}: ${formatDuration(target.marginMs!)} left to acknowledge`;
      case 'overdue':
        return `Response overdue by ${formatDuration(target.marginMs!)}: acknowledge now`;
      default:
        return `Response: ${target.text}`;
    }
  })();
  const responseBad = target.state === 'missed' || target.state === 'overdue';
  const updateOverdue = due.dueAt !== undefined && now > due.dueAt;

  return (
    <section className="phase-bar" aria-label="Phases and deadlines">
      <ol className="phase-track" aria-label="Time in each status">
        {phases.map((phase, index) => {
          const end = phase.end ?? now;
          const duration = end - phase.start;
          const current = phase.end === undefined;
          const overdue = index === 0 && (target.state === 'overdue' || target.state === 'missed');
          const title = `${statusLabel(phase.status)}: ${utcDateTime(new Date(phase.start).toISOString())} → ${current ? 'now' : utcDateTime(new Date(end).toISOString())} (${formatDuration(duration)})`;
          return (
            <li
              key={`${phase.status}-${phase.start}`}
              className={['phase', `phase-${phase.status}`, current ? 'phase-current' : '', overdue ? 'phase-overdue' : ''].filter(Boolean).join(' ')}
              style={{ flexGrow: closed && current ? 0 : Math.max(duration, 1) }}
              title={title}
              aria-current={current ? 'step' : undefined}
            >
              <span className="phase-name">
                {overdue && <span aria-hidden="true">⚠ </span>}
                {statusLabel(phase.status)}
              </span>
              <span className="phase-duration">
                {closed && current ? utcClock(new Date(phase.start).toISOString()) : formatDuration(duration)}
                {overdue && <span className="phase-flag"> · over target</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="phase-checks">
        <p className={responseBad ? 'phase-check phase-check-bad' : target.state === 'met' ? 'phase-check phase-check-ok' : 'phase-check'}>
          <span aria-hidden="true" className="phase-check-glyph">
            {responseBad ? '⚠' : target.state === 'met' ? '✓' : '◷'}
          </span>
          {responseText}
        </p>
        <p className={updateOverdue ? 'phase-check phase-check-bad' : 'phase-check'} title={due.dueAt === undefined ? undefined : localTitle(new Date(due.dueAt).toISOString())}>
          <span aria-hidden="true" className="phase-check-glyph">
            {updateOverdue ? '⚠' : '✉'}
          </span>
          {due.dueAt === undefined
            ? `Status updates: ${due.label.toLowerCase()}`
            : updateOverdue
              ? `Status update overdue by ${formatDuration(now - due.dueAt)} (was due ${utcClock(new Date(due.dueAt).toISOString())} UTC)`
              : `Next status update due ${utcClock(new Date(due.dueAt).toISOString()).slice(0, 5)} UTC, in ${formatDuration(due.dueAt - now)}`}
          {due.lastAt !== undefined && <span className="muted"> · last posted {utcClock(new Date(due.lastAt).toISOString()).slice(0, 5)} UTC</span>}
        </p>
      </div>
    </section>
  );
}
