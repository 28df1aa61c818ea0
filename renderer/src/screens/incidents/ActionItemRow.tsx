// One action item: done checkbox, priority, and owner/due editable in place (saved when the field is left).
// The due date is an ISO date (UTC) like every other time in the console; one already past is questioned
// before it is saved.
import { errorMessage } from '../../../../electron/contract';
import { useEffect, useState } from 'react';
import type { ActionItem, ParamsOf } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { isPastDue, pastDueSentence, readDueDate, todayUtc } from './dueDates';
import { refreshDetail } from './incidentsStore';

export function ActionItemRow({ item }: { item: ActionItem }) {
  const [owner, setOwner] = useState(item.owner);
  const [due, setDue] = useState(item.due ?? '');
  const [done, setDone] = useState(item.done);
  const [error, setError] = useState<string>();
  /** A past due date typed here, waiting for the responder to keep or undo it. */
  const [pastAsked, setPastAsked] = useState<string>();
  const overdue = !item.done && isPastDue(item.due, todayUtc());

  useEffect(() => setOwner(item.owner), [item.owner]);
  useEffect(() => setDue(item.due ?? ''), [item.due]);
  useEffect(() => setDone(item.done), [item.done]);

  const save = async (patch: Omit<ParamsOf<'incidents.updateActionItem'>, 'actionItemId'>) => {
    setError(undefined);
    setPastAsked(undefined);
    try {
      await hostClient.call('incidents.updateActionItem', { actionItemId: item.id, ...patch });
      refreshDetail();
    } catch (caught) {
      setError(errorMessage(caught));
      setOwner(item.owner);
      setDue(item.due ?? '');
      setDone(item.done);
    }
  };

  const leaveDue = () => {
    const read = readDueDate(due);
    if (!read.ok) {
      setError(`Due date ${read.message}.`);
      return;
    }
    if (read.due === item.due) return;
    if (isPastDue(read.due)) setPastAsked(read.due!);
    else void save({ due: read.due });
  };

  const undoDue = () => {
    setDue(item.due ?? '');
    setPastAsked(undefined);
    setError(undefined);
  };

  return (
    <li className={done ? 'action-item action-done' : 'action-item'}>
      <label className="action-check">
        <input
          type="checkbox"
          checked={done}
          onChange={(event) => {
            setDone(event.target.checked);
            void save({ done: event.target.checked });
          }}
        />
        <span className="action-title">{item.title}</span>
      </label>
      <span className={`inc-badge priority-badge priority-${item.priority}`}>{item.priority}</span>
      <div className="action-fields">
        <input
          className="text-input inc-input-small"
          value={owner}
          placeholder="Owner"
          aria-label={`Owner of ${item.title}`}
          onChange={(event) => setOwner(event.target.value)}
          onBlur={() => owner.trim() !== item.owner && void save({ owner: owner.trim() })}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
        <input
          className="text-input inc-input-small inc-mono"
          value={due}
          placeholder="YYYY-MM-DD"
          inputMode="numeric"
          autoComplete="off"
          aria-label={`Due date of ${item.title}`}
          aria-invalid={Boolean(error)}
          onChange={(event) => {
            setDue(event.target.value);
            setError(undefined);
            setPastAsked(undefined);
          }}
          onBlur={leaveDue}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') undoDue();
          }}
        />
        {overdue && <span className="action-overdue">⚠ Overdue</span>}
      </div>
      {pastAsked && (
        <div role="alert" className="inc-alert inc-alert-warn inc-alert-inline">
          Due date {pastDueSentence(pastAsked)}{' '}
          <span className="status-confirm">
            <button type="button" className="button button-primary inc-button-small" onClick={() => void save({ due: pastAsked })} aria-label={`Keep ${pastAsked} as the due date of ${item.title}`}>
              Keep {pastAsked}
            </button>
            <button type="button" className="button inc-button-small" onClick={undoDue} aria-label={`Undo the due date of ${item.title}`}>
              Undo
            </button>
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="inc-alert inc-alert-inline">
          {error}
        </p>
      )}
    </li>
  );
}
