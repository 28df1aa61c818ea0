// Status updates in the team's template, prefilled by the host from what the incident already knows (the
// last update, the scope, the evidence), with a live preview of the text that will be posted.
// The status list starts at where the incident stands and offers only the statuses it can move on to:
// posting a later one moves the incident there (the form says so first), and announcing "resolved" asks,
// like the Resolve button, when work is still open. Once resolved, no next update is due, so no ETA.
// Once edited, the form is a draft (state/drafts) until posted or reset: it outlives screens and reloads.
import { errorMessage, lifecycleOrder, statusUpdateChoices, type StatusUpdateStatus } from '../../../../electron/contract';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Incident, StatusUpdateFields, TimelineEvent } from '../../../../electron/contract';
import { deadlinesStopped, statusUpdateCadenceMinutes } from '../../../../electron/contract/incidentDeadlines';
import { hostClient } from '../../api/hostClient';
import { draftKey, useDraft } from '../../state/drafts';
import { CharacterCount, counterId } from './CharacterCount';
import { formErrors, withoutFields, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { formatDuration, fromUtcInputValue, toUtcInputValue, utcClock } from './formatTime';
import { refreshDetail, useIncidents } from './incidentsStore';
import { lastStatusUpdate, nextUpdateDue } from './phases';
import { useResolveGuard } from './ResolveGuard';
import { statusLabel } from './statusLabels';
import { linesOf, previewStatusUpdate } from './statusUpdateText';
import { countedLength, incidentTextLimits, overLimitSentence } from './textLimits';
import { useNow } from './useNow';

/** The long text fields with their limits (from the contract) and how a refusal names them. */
const limited = {
  impact: { max: incidentTextLimits.updateImpact, things: 'Impact statements' },
  hypothesis: { max: incidentTextLimits.updateHypothesis, things: 'Hypotheses' },
} as const;

/** The ETA an update announcing `status` proposes: the playbook's cadence from now, none once resolved. */
const proposedEta = (status: StatusUpdateStatus, now: number): string => {
  const minutes = statusUpdateCadenceMinutes(status);
  return minutes === undefined ? '' : toUtcInputValue(new Date(now + minutes * 60_000).toISOString());
};

interface Draft {
  status: StatusUpdateStatus;
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
  nextUpdateAt: fields.nextUpdateAt ? toUtcInputValue(fields.nextUpdateAt) : '',
  evidenceRefs: fields.evidenceRefs.join('\n'),
});

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

const toFields = (draft: Draft): StatusUpdateFields => ({
  status: draft.status,
  impact: draft.impact.trim(),
  hypothesis: draft.hypothesis.trim(),
  actionsCompleted: linesOf(draft.actionsCompleted),
  // Left empty: no next update (the contract accepts that only in a resolution update, and says so).
  nextUpdateAt: draft.nextUpdateAt.trim() ? fromUtcInputValue(draft.nextUpdateAt) : null,
  evidenceRefs: linesOf(draft.evidenceRefs),
});

/** The draft announcing `status`: a resolution update proposes no ETA; leaving one proposes the cadence's. */
function withStatus(draft: Draft, status: StatusUpdateStatus, now: number): Draft {
  if (status === 'resolved') return { ...draft, status, nextUpdateAt: '' };
  return { ...draft, status, nextUpdateAt: draft.nextUpdateAt.trim() ? draft.nextUpdateAt : proposedEta(status, now) };
}

export function StatusUpdateComposer({ incident, timeline }: { incident: Incident; timeline: readonly TimelineEvent[] }) {
  const applyEvents = useIncidents((state) => state.applyEvents);
  /** The host's prefilled draft, shown until the responder edits it. */
  const [prefilled, setPrefilled] = useState<Draft>();
  const [edited, setEdited, clearEdited] = useDraft<Draft | null>(draftKey(incident.id, 'statusUpdate'), null);
  const draft = edited ?? prefilled;
  const [loadError, setLoadError] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState('');
  const now = useNow(1000);
  const base = useId();
  const id = (key: string) => `${base}-${key}`;
  const resolveGuard = useResolveGuard(incident);
  const choices = statusUpdateChoices(incident.status);

  const loadDraft = useCallback(async () => {
    setLoadError(undefined);
    try {
      const { fields } = await hostClient.call('incidents.statusUpdateDraft', { incidentId: incident.id });
      setPrefilled(toDraft(fields));
      setErrors({ fields: {} });
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [incident.id]);

  useEffect(() => {
    void loadDraft();
  }, [loadDraft]);

  // The incident moved (here, on another console, from the CLI): a status it has left behind is no longer
  // one an update can announce, so the draft follows the incident.
  useEffect(() => {
    const allowed = statusUpdateChoices(incident.status);
    const follow = <D extends Draft | undefined | null>(previous: D) => (previous && !allowed.includes(previous.status) ? withStatus(previous, allowed[0]!, Date.now()) : previous);
    setPrefilled(follow);
    setEdited(follow);
  }, [incident.status, setEdited]);

  const last = lastStatusUpdate(timeline);
  const due = nextUpdateDue(incident, last);

  const send = async (fields: StatusUpdateFields) => {
    setPosting(true);
    setPosted('');
    const before = incident.status;
    try {
      const posted = await hostClient.call('incidents.postStatusUpdate', { incidentId: incident.id, fields });
      applyEvents([posted]);
      const moved = lifecycleOrder(fields.status) > lifecycleOrder(before) ? ` The incident is now ${statusLabel(fields.status)}.` : '';
      setPosted(`Posted to the timeline at ${utcClock(posted.occurredAt)} UTC.${moved}`);
      if (moved) refreshDetail();
      await loadDraft();
      // What was posted is no longer a draft (the fresh prefill shows); anything typed since still is.
      setEdited((current) => (current && JSON.stringify(toFields(current)) !== JSON.stringify(fields) ? current : null));
    } catch (error) {
      setErrors(formErrors(error, (path) => (path[0] === 'fields' ? path[1] : undefined)));
    } finally {
      setPosting(false);
    }
  };

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || posting) return;
    const fields = toFields(draft);
    const tooLong: FormErrors['fields'] = {};
    for (const [key, { max, things }] of Object.entries(limited) as [keyof typeof limited, (typeof limited)[keyof typeof limited]][]) {
      const length = countedLength(draft[key]);
      if (length > max) tooLong[key] = overLimitSentence(things, length, max);
    }
    if (Object.keys(tooLong).length) {
      setErrors({ fields: tooLong });
      return;
    }
    if (fields.status === 'resolved' && !deadlinesStopped(incident.status)) await resolveGuard.confirmResolve(() => void send(fields));
    else await send(fields);
  };

  /** A message is about what was sent; once its field changes it no longer applies. */
  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setEdited((current) => {
      const previous = current ?? prefilled;
      if (!previous) return current;
      const next = key === 'status' ? withStatus(previous, value as StatusUpdateStatus, Date.now()) : { ...previous, [key]: value };
      // Edited back to the prefilled text: nothing left to keep.
      return prefilled && sameDraft(next, prefilled) ? null : next;
    });
    // A new status may change whether an ETA is needed, so its message goes too.
    setErrors((current) => withoutFields(current, key, ...(key === 'status' ? ['nextUpdateAt'] : [])));
  };
  const moves = draft && lifecycleOrder(draft.status) > lifecycleOrder(incident.status);
  const e = errors.fields;
  const previewAt = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');

  return (
    <div className="status-composer">
      <p className={due.dueAt !== undefined && now > due.dueAt ? 'composer-due composer-due-late' : 'composer-due'}>
        {last ? `Last update posted ${utcClock(last.occurredAt).slice(0, 5)} UTC. ` : 'No status update posted yet. '}
        {due.dueAt === undefined && `No further update is due: the incident is ${incident.status}.`}
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
              <select
                id={id('status')}
                className="text-input"
                value={draft.status}
                onChange={(event) => change('status', event.target.value as Draft['status'])}
                aria-invalid={Boolean(e.status)}
                aria-describedby={describedBy(id('status'), e.status, moves ? `${id('status')}-hint` : undefined)}
              >
                {choices.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
              {moves && (
                <p id={`${id('status')}-hint`} className="field-help">
                  Posting moves the incident from {statusLabel(incident.status)} to {statusLabel(draft.status)}.
                </p>
              )}
              <FieldError inputId={id('status')} message={e.status} />
            </div>
            <div className="inc-field">
              <label htmlFor={id('eta')}>Next update ETA (UTC)</label>
              <input
                id={id('eta')}
                className="text-input inc-mono"
                value={draft.nextUpdateAt}
                onChange={(event) => change('nextUpdateAt', event.target.value)}
                placeholder={draft.status === 'resolved' ? 'None: no further update' : 'YYYY-MM-DD HH:MM'}
                inputMode="numeric"
                aria-invalid={Boolean(e.nextUpdateAt)}
                aria-describedby={describedBy(id('eta'), e.nextUpdateAt, `${id('eta')}-hint`)}
              />
              <p id={`${id('eta')}-hint`} className="field-help eta-shortcuts">
                {draft.status === 'resolved' ? 'Optional once resolved. ' : ''}
                Set to{' '}
                {[15, 30, 60].map((minutes) => (
                  <button key={minutes} type="button" className="inc-link-button" onClick={() => change('nextUpdateAt', toUtcInputValue(new Date(Date.now() + minutes * 60_000).toISOString()))} aria-label={`Next update in ${minutes} minutes`}>
                    +{minutes}m
                  </button>
                ))}
              </p>
              <FieldError inputId={id('eta')} message={e.nextUpdateAt && `Next update ETA ${e.nextUpdateAt}`} />
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
                aria-describedby={describedBy(id(key), e[key], hint ? `${id(key)}-hint` : undefined, key in limited ? counterId(`${id(key)}-count`, countedLength(draft[key]), limited[key as keyof typeof limited].max) : undefined)}
              />
              {hint && (
                <p id={`${id(key)}-hint`} className="field-help">
                  {hint}
                </p>
              )}
              {key in limited && <CharacterCount id={`${id(key)}-count`} length={countedLength(draft[key])} max={limited[key as keyof typeof limited].max} />}
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
            <button type="submit" className="button button-primary" disabled={posting || resolveGuard.checking}>
              {posting ? 'Posting…' : 'Post status update'}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                clearEdited();
                void loadDraft();
              }}
              disabled={posting}
            >
              Reset to a fresh draft
            </button>
          </div>
          <p role="status" className="form-status">
            {posted}
          </p>
        </form>
      )}
      {resolveGuard.dialog}
    </div>
  );
}
