// Timeline events are never edited: a correction is a new event pointing at the one it corrects. Its text
// is a draft until added, so closing the dialog or leaving the screen does not lose it.
import { useId, useState, type FormEvent } from 'react';
import type { TimelineEvent } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { draftKey, useDraft } from '../../state/drafts';
import { describeEvent, kindLabel } from './describeEvent';
import { Dialog, DialogActions } from './Dialog';
import { formErrors, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { utcFull } from './formatTime';
import { useIncidents } from './incidentsStore';

export function CorrectionDialog({ event, onClose, onAdded }: { event: TimelineEvent; onClose: () => void; onAdded: (correction: TimelineEvent) => void }) {
  const applyEvents = useIncidents((state) => state.applyEvents);
  const [text, setText, clearText] = useDraft(draftKey(event.incidentId, `correction/${event.id}`), '');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const id = useId();

  const save = async (submit: FormEvent) => {
    submit.preventDefault();
    setSaving(true);
    try {
      const correction = await hostClient.call('incidents.addCorrection', { incidentId: event.incidentId, eventId: event.id, text });
      applyEvents([correction]);
      clearText();
      onAdded(correction);
    } catch (error) {
      setErrors(formErrors(error, (path) => (path[0] === 'text' ? 'text' : undefined)));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Correct a timeline entry" description="The original stays on the record; your correction is added next to it." onClose={onClose}>
      <form className="inc-form" onSubmit={save} noValidate>
        <figure className="correction-original">
          <figcaption>
            {kindLabel(event.kind)} by {event.author} at {utcFull(event.occurredAt)}
          </figcaption>
          <blockquote>{describeEvent(event)}</blockquote>
        </figure>
        {errors.general && (
          <p role="alert" className="inc-alert">
            {errors.general}
          </p>
        )}
        <div className="inc-field">
          <label htmlFor={id}>Correction</label>
          <textarea id={id} data-autofocus className="text-input" rows={4} value={text} onChange={(change) => setText(change.target.value)} aria-invalid={Boolean(errors.fields.text)} aria-describedby={describedBy(id, errors.fields.text)} />
          <FieldError inputId={id} message={errors.fields.text && `Correction ${errors.fields.text}`} />
        </div>
        <DialogActions onCancel={onClose} submitLabel="Add correction" busyLabel="Adding…" busy={saving} />
      </form>
    </Dialog>
  );
}
