// Status updates in the team's template, prefilled by the host from what the incident already knows (the
// last update, the scope, the evidence), with a live preview of the text that will be posted.
import { errorMessage } from '../../../../electron/contract';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Incident, StatusUpdateFields, TimelineEvent } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { formErrors, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { formatDuration, fromUtcInputValue, toUtcInputValue, utcClock } from './formatTime';
import { useIncidents } from './incidentsStore';
import { lastStatusUpdate, nextUpdateDue } from './phases';
import { linesOf, previewStatusUpdate } from './statusUpdateText';
import { useNow } from './useNow';

const updateStatuses: StatusUpdateFields['status'][] = ['investigating', 'mitigating', 'monitoring', 'resolved'];

interface Draft {
  status: StatusUpdateFields['status'];
  impact: string;
  hypothesis: string;
  actionsCompleted: string;
  nextUpdateAt: string;
  evidenceRefs: string;
}

const toDraft = (fields: StatusUpdateFields): Draft => ({
  status: fields.status,
  impact: fields.impact,
  hypothesis: fields.hypothesis,
  actionsCompleted: fields.actionsCompleted.join('\n'),
  nextUpdateAt: toUtcInputValue(fields.nextUpdateAt),
  evidenceRefs: fields.evidenceRefs.join('\n'),
});

const toFields = (draft: Draft): StatusUpdateFields => ({
  status: draft.status,
  impact: draft.impact.trim(),
  hypothesis: draft.hypothesis.trim(),
  actionsCompleted: linesOf(draft.actionsCompleted),
  nextUpdateAt: fromUtcInputValue(draft.nextUpdateAt),
  evidenceRefs: linesOf(draft.evidenceRefs),
});

export function StatusUpdateComposer({ incident, timeline }: { incident: Incident; timeline: readonly TimelineEvent[] }) {
  const applyEvents = useIncidents((state) => state.applyEvents);
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState('');
  const now = useNow(1000);
  const base = useId();
  const id = (key: string) => `${base}-${key}`;

  const loadDraft = useCallback(async () => {
    setLoadError(undefined);
    try {
      const { fields } = await hostClient.call('incidents.statusUpdateDraft', { incidentId: incident.id });
      setDraft(toDraft(fields));
      setErrors({ fields: {} });
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [incident.id]);

  useEffect(() => {
    void loadDraft();
  }, [loadDraft]);

  const last = lastStatusUpdate(timeline);
  const due = nextUpdateDue(incident, last);

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || posting) return;
    setPosting(true);
    setPosted('');
    try {
      const posted = await hostClient.call('incidents.postStatusUpdate', { incidentId: incident.id, fields: toFields(draft) });
      applyEvents([posted]);
      setPosted(`Posted to the timeline at ${utcClock(posted.occurredAt)} UTC.`);
      await loadDraft();
    } catch (error) {
      setErrors(formErrors(error, (path) => (path[0] === 'fields' ? path[1] : undefined)));
    } finally {
      setPosting(false);
    }
  };

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => previous && { ...previous, [key]: value });
  const e = errors.fields;
  const previewAt = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');

  return (
    <div className="status-composer">
      <p className={due.dueAt !== undefined && now > due.dueAt ? 'composer-due composer-due-late' : 'composer-due'}>
        {last ? `Last update posted ${utcClock(last.occurredAt).slice(0, 5)} UTC. ` : 'No status update posted yet. '}
        {due.dueAt !== undefined &&
          (now > due.dueAt
            ? `⚠ Next update overdue by ${formatDuration(now - due.dueAt)} (due ${utcClock(new Date(due.dueAt).toISOString()).slice(0, 5)} UTC).`
            : `Next update due ${utcClock(new Date(due.dueAt).toISOString()).slice(0, 5)} UTC (in ${formatDuration(due.dueAt - now)}).`)}
      </p>
      {loadError && (
        <p role="alert" className="inc-alert">
          Could not prepare a draft: {loadError}{' '}
          <button type="button" className="inc-link-button" onClick={() => void loadDraft()}>
            Try again
          </button>
        </p>
      )}
      {!draft && !loadError && <p className="muted">Preparing a draft…</p>}
      {draft && (
        <form className="inc-form" onSubmit={post} noValidate aria-label="Status update">
          {errors.general && (
            <p role="alert" className="inc-alert">
              {errors.general}
            </p>
          )}
          <div className="inc-field-row">
            <div className="inc-field">
              <label htmlFor={id('status')}>Status</label>
              <select id={id('status')} className="text-input" value={draft.status} onChange={(event) => change('status', event.target.value as Draft['status'])}>
                {updateStatuses.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
            </div>
            <div className="inc-field">
              <label htmlFor={id('eta')}>Next update ETA (UTC)</label>
              <input
                id={id('eta')}
                className="text-input inc-mono"
                value={draft.nextUpdateAt}
                onChange={(event) => change('nextUpdateAt', event.target.value)}
                placeholder="YYYY-MM-DD HH:MM"
                inputMode="numeric"
                aria-invalid={Boolean(e.nextUpdateAt)}
                aria-describedby={describedBy(id('eta'), e.nextUpdateAt, `${id('eta')}-hint`)}
              />
              <p id={`${id('eta')}-hint`} className="field-help eta-shortcuts">
                Set to{' '}
                {[15, 30, 60].map((minutes) => (
                  <button key={minutes} type="button" className="inc-link-button" onClick={() => change('nextUpdateAt', toUtcInputValue(new Date(Date.now() + minutes * 60_000).toISOString()))} aria-label={`Next update in ${minutes} minutes`}>
                    +{minutes}m
                  </button>
                ))}
              </p>
              <FieldError inputId={id('eta')} message={e.nextUpdateAt} />
            </div>
          </div>
          {(
            [
              ['impact', 'Impact', 2, undefined],
              ['hypothesis', 'Current hypothesis', 2, undefined],
              ['actionsCompleted', 'Actions completed', 3, 'One per line.'],
              ['evidenceRefs', 'Evidence refs', 2, 'One per line; prefilled from the evidence list.'],
            ] as const
          ).map(([key, label, rows, hint]) => (
            <div className="inc-field" key={key}>
              <label htmlFor={id(key)}>{label}</label>
              <textarea
                id={id(key)}
                className="text-input"
                rows={rows}
                value={draft[key]}
                onChange={(event) => change(key, event.target.value)}
                aria-invalid={Boolean(e[key])}
                aria-describedby={describedBy(id(key), e[key], hint ? `${id(key)}-hint` : undefined)}
              />
              {hint && (
                <p id={`${id(key)}-hint`} className="field-help">
                  {hint}
                </p>
              )}
              <FieldError inputId={id(key)} message={e[key]} />
            </div>
          ))}
          <div className="inc-field">
            <span className="preview-label" id={id('preview')}>
              Preview
            </span>
            <pre className="status-preview" aria-labelledby={id('preview')} role="document">
              {previewStatusUpdate(incident.humanId, previewAt, toFields(draft))}
            </pre>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={posting}>
              {posting ? 'Posting…' : 'Post status update'}
            </button>
            <button type="button" className="button" onClick={() => void loadDraft()} disabled={posting}>
              Reset to a fresh draft
            </button>
          </div>
          <p role="status" className="form-status">
            {posted}
          </p>
        </form>
      )}
    </div>
  );
}
