// One action item: done checkbox, priority, and owner/due editable in place (saved when the field is left).
import { errorMessage } from '../../../../electron/contract';
import { useEffect, useState } from 'react';
import type { ActionItem, ParamsOf } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { refreshDetail } from './incidentsStore';

export function ActionItemRow({ item }: { item: ActionItem }) {
  const [owner, setOwner] = useState(item.owner);
  const [due, setDue] = useState(item.due ?? '');
  const [done, setDone] = useState(item.done);
  const [error, setError] = useState<string>();
  const overdue = !item.done && item.due !== null && item.due < new Date().toISOString().slice(0, 10);

  useEffect(() => setOwner(item.owner), [item.owner]);
  useEffect(() => setDue(item.due ?? ''), [item.due]);
  useEffect(() => setDone(item.done), [item.done]);

  const save = async (patch: Omit<ParamsOf<'incidents.updateActionItem'>, 'actionItemId'>) => {
    setError(undefined);
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
          type="date"
          className="text-input inc-input-small"
          value={due}
          aria-label={`Due date of ${item.title}`}
          onChange={(event) => setDue(event.target.value)}
          onBlur={() => (due || null) !== item.due && void save({ due: due || null })}
        />
        {overdue && <span className="action-overdue">⚠ Overdue</span>}
      </div>
      {error && (
        <p role="alert" className="inc-alert inc-alert-inline">
          {error}
        </p>
      )}
    </li>
  );
}
