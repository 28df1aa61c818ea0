// Follow-up work that comes out of the incident: added with owner, due date and priority, done when done.
// Due dates are typed as ISO dates (UTC), like every other time in the console; one already past is
// questioned before the item is added. What is typed into the add form is a draft until the item is added.
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { actionItemPriorities, type ActionItem } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { draftKey, drafts, useDraft } from '../../state/drafts';
import { ActionItemRow } from './ActionItemRow';
import { isPastDue, pastDueSentence, readDueDate, todayUtc } from './dueDates';
import { formErrors, withoutFields, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { refreshDetail } from './incidentsStore';

type Priority = (typeof actionItemPriorities)[number];
const priorityLabels: Record<Priority, string> = { P1: 'P1 (urgent)', P2: 'P2', P3: 'P3 (when possible)' };

interface ActionItemForm {
  title: string;
  owner: string;
  due: string;
  priority: Priority;
}

export function ActionItems({ incidentId, items }: { incidentId: string; items: ActionItem[] }) {
  const key = draftKey(incidentId, 'actionItem');
  // The priority last chosen stays for the next item; alone, with nothing typed, it is not a draft.
  const [lastPriority, setLastPriority] = useState<Priority>(() => drafts.get<ActionItemForm>(key)?.priority ?? 'P2');
  const [form, setForm, clearForm] = useDraft<ActionItemForm>(key, { title: '', owner: '', due: '', priority: lastPriority });
  const { title, owner, due, priority } = form;
  const setField = (field: keyof ActionItemForm) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const choosePriority = (value: Priority) => {
    setLastPriority(value);
    if (title || owner || due) setField('priority')(value);
    else clearForm();
  };
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  /** The past due date the responder was asked about. */
  const [pastAsked, setPastAsked] = useState<string>();
  const ids = { title: useId(), owner: useId(), due: useId(), dueHint: useId(), priority: useId(), past: useId() };
  const changeDateRef = useRef<HTMLButtonElement>(null);
  // The question replaces the submit button, which had focus: the safe answer takes it.
  useEffect(() => {
    if (pastAsked) changeDateRef.current?.focus();
  }, [pastAsked]);
  const open = items.filter((item) => !item.done).length;
  const typedDue = readDueDate(due);
  const pastDue = typedDue.ok && isPastDue(typedDue.due) ? typedDue.due : undefined;

  const add = async (keepPastDue = false) => {
    const read = readDueDate(due);
    if (!read.ok) {
      setErrors({ fields: { due: read.message } });
      document.getElementById(ids.due)?.focus();
      return;
    }
    if (isPastDue(read.due) && !keepPastDue) {
      setPastAsked(read.due!);
      return;
    }
    setPastAsked(undefined);
    setSaving(true);
    try {
      await hostClient.call('incidents.addActionItem', { incidentId, title, owner: owner.trim(), due: read.due, priority });
      clearForm();
      setErrors({ fields: {} });
      refreshDetail();
      document.getElementById(ids.title)?.focus();
    } catch (error) {
      setErrors(formErrors(error));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add();
  };

  /** A field's message is about what was sent; once the field changes it no longer applies. */
  const edited = (field: keyof typeof ids) => setErrors((current) => withoutFields(current, field));
  /** Value, change and message wiring of one text field of the form. */
  const textField = (field: 'title' | 'owner' | 'due', value: string, set: (value: string) => void, hint?: string) => ({
    id: ids[field],
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value);
      edited(field);
    },
    'aria-invalid': Boolean(errors.fields[field]),
    'aria-describedby': describedBy(ids[field], errors.fields[field], hint),
  });

  const e = errors.fields;
  return (
    <div className="action-items">
      <form className="inc-form action-form" onSubmit={submit} noValidate aria-label="Add an action item">
        {errors.general && (
          <p role="alert" className="inc-alert">
            {errors.general}
          </p>
        )}
        <div className="inc-field">
          <label htmlFor={ids.title}>Action item</label>
          <input className="text-input" placeholder="e.g. Alert on flag service latency" {...textField('title', title, setField('title'))} />
          <FieldError inputId={ids.title} message={e.title && `Action item ${e.title}`} />
        </div>
        <div className="inc-field-row inc-field-row-3">
          <div className="inc-field">
            <label htmlFor={ids.owner}>Owner</label>
            <input className="text-input" {...textField('owner', owner, setField('owner'))} />
            <FieldError inputId={ids.owner} message={e.owner} />
          </div>
          <div className="inc-field">
            <label htmlFor={ids.due}>Due date</label>
            <input
              className="text-input inc-mono"
              placeholder="YYYY-MM-DD"
              inputMode="numeric"
              autoComplete="off"
              {...textField(
                'due',
                due,
                (value) => {
                  setField('due')(value);
                  setPastAsked(undefined);
                },
                ids.dueHint,
              )}
            />
            <p id={ids.dueHint} className="field-help">
              {pastDue ? `⚠ ${pastDueSentence(pastDue)}` : `UTC, e.g. ${todayUtc()}. Optional.`}
            </p>
            <FieldError inputId={ids.due} message={e.due && `Due date ${e.due}`} />
          </div>
          <div className="inc-field">
            <label htmlFor={ids.priority}>Priority</label>
            <select id={ids.priority} className="text-input" value={priority} onChange={(event) => choosePriority(event.target.value as Priority)}>
              {actionItemPriorities.map((value) => (
                <option key={value} value={value}>
                  {priorityLabels[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {pastAsked ? (
          <div role="alert" className="inc-alert inc-alert-warn" id={ids.past}>
            <p>The due date {pastDueSentence(pastAsked)} Add the item with it anyway?</p>
            <div className="status-confirm">
              <button type="button" className="button button-primary inc-button-small" onClick={() => void add(true)} disabled={saving}>
                Add with due date {pastAsked}
              </button>
              <button
                ref={changeDateRef}
                type="button"
                className="button inc-button-small"
                onClick={() => {
                  setPastAsked(undefined);
                  document.getElementById(ids.due)?.focus();
                }}
              >
                Change the date
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Adding…' : 'Add action item'}
          </button>
        )}
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
