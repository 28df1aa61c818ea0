// Follow-up work that comes out of the incident: added with owner, due date and priority, done when done.
import { useId, useState, type FormEvent } from 'react';
import { actionItemPriorities, type ActionItem } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { ActionItemRow } from './ActionItemRow';
import { formErrors, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { refreshDetail } from './incidentsStore';

type Priority = (typeof actionItemPriorities)[number];
const priorityLabels: Record<Priority, string> = { P1: 'P1 (urgent)', P2: 'P2', P3: 'P3 (when possible)' };

export function ActionItems({ incidentId, items }: { incidentId: string; items: ActionItem[] }) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [priority, setPriority] = useState<Priority>('P2');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const ids = { title: useId(), owner: useId(), due: useId(), priority: useId() };
  const open = items.filter((item) => !item.done).length;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await hostClient.call('incidents.addActionItem', { incidentId, title, owner: owner.trim(), due: due || null, priority });
      setTitle('');
      setOwner('');
      setDue('');
      setErrors({ fields: {} });
      refreshDetail();
      document.getElementById(ids.title)?.focus();
    } catch (error) {
      setErrors(formErrors(error));
    } finally {
      setSaving(false);
    }
  };

  const e = errors.fields;
  return (
    <div className="action-items">
      <form className="inc-form action-form" onSubmit={add} noValidate aria-label="Add an action item">
        {errors.general && (
          <p role="alert" className="inc-alert">
            {errors.general}
          </p>
        )}
        <div className="inc-field">
          <label htmlFor={ids.title}>Action item</label>
          <input id={ids.title} className="text-input" value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Alert on flag service latency" aria-invalid={Boolean(e.title)} aria-describedby={describedBy(ids.title, e.title)} />
          <FieldError inputId={ids.title} message={e.title && `Action item ${e.title}`} />
        </div>
        <div className="inc-field-row inc-field-row-3">
          <div className="inc-field">
            <label htmlFor={ids.owner}>Owner</label>
            <input id={ids.owner} className="text-input" value={owner} onChange={(event) => setOwner(event.target.value)} aria-invalid={Boolean(e.owner)} aria-describedby={describedBy(ids.owner, e.owner)} />
            <FieldError inputId={ids.owner} message={e.owner} />
          </div>
          <div className="inc-field">
            <label htmlFor={ids.due}>Due date</label>
            <input id={ids.due} type="date" className="text-input" value={due} onChange={(event) => setDue(event.target.value)} aria-invalid={Boolean(e.due)} aria-describedby={describedBy(ids.due, e.due)} />
            <FieldError inputId={ids.due} message={e.due} />
          </div>
          <div className="inc-field">
            <label htmlFor={ids.priority}>Priority</label>
            <select id={ids.priority} className="text-input" value={priority} onChange={(event) => setPriority(event.target.value as Priority)}>
              {actionItemPriorities.map((value) => (
                <option key={value} value={value}>
                  {priorityLabels[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add action item'}
        </button>
      </form>

      <h3 className="inc-panel-subheading">
        {items.length === 0 ? 'No action items yet' : `${open} open · ${items.length - open} done`}
      </h3>
      {items.length > 0 && (
        <ul className="action-list" aria-label="Action items">
          {items.map((item) => (
            <ActionItemRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
