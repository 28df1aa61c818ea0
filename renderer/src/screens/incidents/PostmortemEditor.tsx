// The post-mortem, written while memories are fresh: summary, impact, root cause, five whys, what went
// well, what to improve, lessons. Saved explicitly (Save or Ctrl+S); unsaved edits are marked as such, and
// kept as a draft (with the version they started from) until saved, across screens and reloads.
import { useId, useState, type FormEvent } from 'react';
import { emptyPostmortem, type Incident, type Postmortem } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { draftKey, useDraft } from '../../state/drafts';
import { formErrors, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { useIncidents } from './incidentsStore';

type TextField = Exclude<keyof Postmortem, 'fiveWhys'>;

const sections: { key: TextField; label: string; hint: string; rows: number }[] = [
  { key: 'summary', label: 'Summary', hint: 'What happened, in two or three sentences.', rows: 3 },
  { key: 'impact', label: 'Impact', hint: 'Who was affected, how, for how long.', rows: 3 },
  { key: 'rootCause', label: 'Root cause', hint: 'The underlying cause, not the trigger.', rows: 3 },
];
const reflections: { key: TextField; label: string; rows: number }[] = [
  { key: 'wentWell', label: 'What went well', rows: 3 },
  { key: 'toImprove', label: 'What to improve', rows: 3 },
  { key: 'lessons', label: 'Lessons', rows: 3 },
];

const normalised = (postmortem: Postmortem): Postmortem => ({ ...postmortem, fiveWhys: Array.from({ length: 5 }, (_, index) => postmortem.fiveWhys[index] ?? '') });
const same = (a: Postmortem, b: Postmortem) => JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));

/** Unsaved edits and the saved post-mortem they started from (to tell when someone else saved since). */
interface PostmortemDraft {
  postmortem: Postmortem;
  baseline: Postmortem;
}

export function PostmortemEditor({ incident }: { incident: Incident }) {
  const applyIncident = useIncidents((state) => state.applyIncident);
  const saved = normalised(incident.postmortem ?? emptyPostmortem);
  // Without edits here the form shows what is saved, so it follows saves made elsewhere (another window, the CLI).
  const [edits, setEdits] = useDraft<PostmortemDraft | null>(draftKey(incident.id, 'postmortem'), null);
  const draft = edits?.postmortem ?? saved;
  const baseline = edits?.baseline ?? saved;
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const dirty = !same(draft, baseline);
  const changedElsewhere = dirty && !same(saved, baseline);
  const idBase = useId();
  const fieldId = (key: string) => `${idBase}-${key}`;

  /** Applies `change` to the draft; a draft back to its baseline is no draft. */
  const edit = (change: (postmortem: Postmortem) => Postmortem) =>
    setEdits((current) => {
      const from = current?.baseline ?? saved;
      const next = change(current?.postmortem ?? from);
      return same(next, from) ? null : { postmortem: next, baseline: from };
    });

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    setStatus('');
    try {
      const postmortem = normalised(draft);
      const updated = await hostClient.call('incidents.savePostmortem', { incidentId: incident.id, postmortem });
      applyIncident(updated);
      // Edits made while saving stay a draft, now against what was saved.
      const nowSaved = normalised(updated.postmortem);
      setEdits((current) => (current && !same(current.postmortem, nowSaved) ? { postmortem: current.postmortem, baseline: nowSaved } : null));
      setErrors({ fields: {} });
      setStatus(`Saved at ${new Date().toISOString().slice(11, 19)} UTC`);
    } catch (error) {
      setErrors(formErrors(error, (path) => (path[0] === 'postmortem' ? (path[1] === 'fiveWhys' ? `why${path[2] ?? 0}` : path[1]) : undefined)));
      setStatus('Not saved: see the highlighted field.');
    } finally {
      setSaving(false);
    }
  };

  const set = (key: TextField, value: string) => edit((previous) => ({ ...previous, [key]: value }));
  const setWhy = (index: number, value: string) => edit((previous) => ({ ...previous, fiveWhys: previous.fiveWhys.map((why, at) => (at === index ? value : why)) }));
  const e = errors.fields;

  const textArea = (key: TextField, label: string, rows: number, hint?: string) => (
    <div className="inc-field" key={key}>
      <label htmlFor={fieldId(key)}>{label}</label>
      {hint && (
        <p id={`${fieldId(key)}-hint`} className="field-help">
          {hint}
        </p>
      )}
      <textarea
        id={fieldId(key)}
        className="text-input"
        rows={rows}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        aria-invalid={Boolean(e[key])}
        aria-describedby={describedBy(fieldId(key), e[key], hint ? `${fieldId(key)}-hint` : undefined)}
      />
      <FieldError inputId={fieldId(key)} message={e[key]} />
    </div>
  );

  return (
    <form
      className="inc-form postmortem-editor"
      onSubmit={save}
      noValidate
      aria-label="Post-mortem"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div className="postmortem-bar">
        <span className={dirty ? 'save-state save-state-dirty' : 'save-state'} role="status">
          {dirty ? '● Unsaved changes' : status || 'All changes saved'}
        </span>
        <button type="submit" className="button button-primary inc-button-small" disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save post-mortem'}
        </button>
      </div>
      {changedElsewhere && <p className="inc-alert inc-alert-warn">The post-mortem was saved elsewhere since you started editing; saving will replace it with yours.</p>}
      {errors.general && (
        <p role="alert" className="inc-alert">
          {errors.general}
        </p>
      )}
      {sections.map(({ key, label, rows, hint }) => textArea(key, label, rows, hint))}
      <fieldset className="inc-field five-whys">
        <legend>5 whys</legend>
        <p className="field-help">Start from the symptom; each answer is the next question.</p>
        <ol>
          {draft.fiveWhys.map((why, index) => (
            <li key={index}>
              <label htmlFor={fieldId(`why${index}`)} className="why-label">
                Why {index + 1}
              </label>
              <input id={fieldId(`why${index}`)} className="text-input" value={why} onChange={(event) => setWhy(index, event.target.value)} aria-invalid={Boolean(e[`why${index}`])} aria-describedby={describedBy(fieldId(`why${index}`), e[`why${index}`])} />
              <FieldError inputId={fieldId(`why${index}`)} message={e[`why${index}`]} />
            </li>
          ))}
        </ol>
      </fieldset>
      {reflections.map(({ key, label, rows }) => textArea(key, label, rows))}
    </form>
  );
}
