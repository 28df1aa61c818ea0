// Declaring an incident: the few facts the playbook asks for first (title, severity with its response time,
// trigger, scope, commander). The host validates; its messages appear beside the field they name, focus
// goes to the first field named, and a field's message goes as soon as that field is changed.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { knownTriggers, type Incident } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useConsole } from '../../state/consoleStore';
import { Dialog, DialogActions } from './Dialog';
import { formErrors, withoutFields, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { correspondenceOf, schemeOf, type Correspondence } from './severity';

const fieldOf: Record<string, string> = { title: 'title', severity: 'severity', severityScheme: 'severity', triggerId: 'trigger', services: 'services', tenants: 'tenants', commander: 'commander', drill: 'drill' };

/** The form's fields in the order they are shown: a failed submit focuses the first one with a message. */
const fieldOrder = ['title', 'severity', 'trigger', 'services', 'tenants', 'commander'] as const;

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function DeclareIncidentDialog({ onClose, onDeclared }: { onClose: () => void; onDeclared: (incident: Incident) => void }) {
  const settings = useConsole((state) => state.settings);
  const scheme = schemeOf(settings?.severityScheme);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState('');
  const [severityChosen, setSeverityChosen] = useState(false);
  const [trigger, setTrigger] = useState('');
  const [services, setServices] = useState('');
  const [tenants, setTenants] = useState('');
  const [commander, setCommander] = useState(settings?.responderName ?? '');
  const [drill, setDrill] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);
  /** Bumped by each refused submit, once its messages are on screen. */
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const generalRef = useRef<HTMLParagraphElement>(null);
  const ids = { title: useId(), trigger: useId(), triggerHint: useId(), services: useId(), tenants: useId(), commander: useId(), severity: useId(), triggers: useId() };

  // The submit button was disabled while the host answered, which dropped focus to the page: put it on
  // the first field that needs fixing (or the message that names no field).
  useEffect(() => {
    if (!refusals) return;
    const first = fieldOrder.find((field) => errors.fields[field]);
    const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="severity"]');
    if (first === 'severity') ([...(radios ?? [])].find((radio) => radio.checked) ?? radios?.[0])?.focus();
    else if (first) document.getElementById(ids[first])?.focus();
    else generalRef.current?.focus();
    // Only a new refusal moves focus, not the messages going away as fields are fixed.
  }, [refusals]);

  /** A field's message is about what was sent; once the field changes it no longer applies. */
  const edited = (field: (typeof fieldOrder)[number]) => setErrors((current) => withoutFields(current, field));

  // A trigger's default comes from the trigger matrix, in its playbook's scheme (SEV-1/SEV-2): it is
  // suggested as the workspace scheme's level of the same tier (SEV-1 → SEV0), saying where it comes from.
  const known = knownTriggers.find((candidate) => candidate.id.toLowerCase() === trigger.trim().toLowerCase());
  const match = known ? correspondenceOf(known.defaultSeverity, scheme.id) : undefined;
  const suggested = match && match.kind !== 'none' ? match.level : undefined;

  const changeTrigger = (value: string) => {
    setTrigger(value);
    edited('trigger');
    const candidate = knownTriggers.find((entry) => entry.id.toLowerCase() === value.trim().toLowerCase());
    const correspondence = candidate && correspondenceOf(candidate.defaultSeverity, scheme.id);
    const level = correspondence && correspondence.kind !== 'none' ? correspondence.level : undefined;
    if (level && !severityChosen) {
      setSeverity(level.id);
      edited('severity');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const incident = await hostClient.call('incidents.declare', {
        title,
        severity,
        severityScheme: scheme.id,
        ...(trigger.trim() && { triggerId: trigger.trim() }),
        services: splitList(services),
        tenants: splitList(tenants),
        commander: commander.trim(),
        drill,
      });
      onDeclared(incident);
    } catch (error) {
      setErrors(formErrors(error, (path) => fieldOf[path[0] ?? '']));
      setSubmitting(false);
      setRefusals((count) => count + 1);
    }
  };

  const e = errors.fields;
  return (
    <Dialog title="Declare incident" description={`Severity scheme: ${scheme.name}. Times are UTC.`} onClose={onClose} wide>
      <form ref={formRef} className="inc-form declare-form" onSubmit={submit} noValidate aria-label="Declare incident">
        {errors.general && (
          <p role="alert" className="inc-alert" ref={generalRef} tabIndex={-1}>
            {errors.general}
          </p>
        )}
        <div className="inc-field">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            data-autofocus
            className="text-input"
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              edited('title');
            }}
            placeholder="e.g. Checkout returns 502 for EU tenants"
            aria-invalid={Boolean(e.title)}
            aria-describedby={describedBy(ids.title, e.title)}
            autoComplete="off"
          />
          <FieldError inputId={ids.title} message={e.title && `Title ${e.title}`} />
        </div>

        <fieldset className="inc-field severity-choices" aria-describedby={describedBy(ids.severity, e.severity)}>
          <legend>Severity</legend>
          <div className="severity-options">
            {scheme.levels.map((level) => {
              const definitionId = `${ids.severity}-${level.id}`;
              return (
                <div key={level.id} className={severity === level.id ? 'severity-option selected' : 'severity-option'}>
                  <label className="severity-option-label">
                    <input
                      type="radio"
                      name="severity"
                      value={level.id}
                      checked={severity === level.id}
                      onChange={() => {
                        setSeverity(level.id);
                        setSeverityChosen(true);
                        edited('severity');
                      }}
                      aria-describedby={definitionId}
                    />
                    <span>{level.label}</span>
                  </label>
                  <p id={definitionId} className="severity-option-detail">
                    {level.definition}
                    <span className="severity-response">Response: {level.responseText}</span>
                  </p>
                </div>
              );
            })}
          </div>
          <FieldError inputId={ids.severity} message={e.severity && `Severity ${e.severity}`} />
        </fieldset>

        <div className="inc-field">
          <label htmlFor={ids.trigger}>Trigger</label>
          <input
            id={ids.trigger}
            className="text-input"
            list={ids.triggers}
            value={trigger}
            onChange={(event) => changeTrigger(event.target.value)}
            placeholder="Alert or trigger ID, e.g. INC-FLAG-OUTAGE"
            aria-invalid={Boolean(e.trigger)}
            aria-describedby={describedBy(ids.trigger, e.trigger, ids.triggerHint)}
            autoComplete="off"
          />
          <datalist id={ids.triggers}>
            {knownTriggers.map((known) => (
              <option key={known.id} value={known.id}>
                {`${known.summary} (${suggestionText(known.defaultSeverity, correspondenceOf(known.defaultSeverity, scheme.id))})`}
              </option>
            ))}
          </datalist>
          <p id={ids.triggerHint} className="field-help">
            {known && match ? `${known.id}: ${known.summary}. ${suggestionHint(known.defaultSeverity, match, severity)}` : 'Free text; known triggers are suggested as you type.'}
            {known && suggested && severity !== suggested.id && (
              <>
                {' '}
                <button
                  type="button"
                  className="inc-link-button"
                  onClick={() => {
                    setSeverity(suggested.id);
                    edited('severity');
                  }}
                >
                  Use {suggested.id}
                </button>
              </>
            )}
          </p>
          <FieldError inputId={ids.trigger} message={e.trigger} />
        </div>

        <div className="inc-field-row">
          <div className="inc-field">
            <label htmlFor={ids.services}>Affected services</label>
            <input id={ids.services} className="text-input" value={services} onChange={(event) => {
                setServices(event.target.value);
                edited('services');
              }} placeholder="checkout, payments" aria-invalid={Boolean(e.services)} aria-describedby={describedBy(ids.services, e.services)} />
            <FieldError inputId={ids.services} message={e.services} />
          </div>
          <div className="inc-field">
            <label htmlFor={ids.tenants}>Affected tenants</label>
            <input id={ids.tenants} className="text-input" value={tenants} onChange={(event) => {
                setTenants(event.target.value);
                edited('tenants');
              }} placeholder="acme, globex" aria-invalid={Boolean(e.tenants)} aria-describedby={describedBy(ids.tenants, e.tenants)} />
            <FieldError inputId={ids.tenants} message={e.tenants} />
          </div>
        </div>
        <p className="field-help inc-help-tight">Separate several with commas.</p>

        <div className="inc-field-row">
          <div className="inc-field">
            <label htmlFor={ids.commander}>Incident commander</label>
            <input id={ids.commander} className="text-input" value={commander} onChange={(event) => {
                setCommander(event.target.value);
                edited('commander');
              }} placeholder="Who runs the response" aria-invalid={Boolean(e.commander)} aria-describedby={describedBy(ids.commander, e.commander)} autoComplete="name" />
            <FieldError inputId={ids.commander} message={e.commander} />
          </div>
          <label className="inc-checkbox">
            <input type="checkbox" checked={drill} onChange={(event) => setDrill(event.target.checked)} />
            This is a drill
          </label>
        </div>

        <DialogActions onCancel={onClose} submitLabel="Declare incident" busyLabel="Declaring…" busy={submitting} />
      </form>
    </Dialog>
  );
}

/** What a known trigger suggests, in the workspace's scheme, naming the playbook's own level when it differs. */
function suggestionText(defaultSeverity: string, match: Correspondence): string {
  if (match.kind === 'same') return `suggests ${match.level.id}`;
  if (match.kind === 'mapped') return `suggests ${match.level.id}; trigger matrix: ${defaultSeverity}`;
  return `trigger matrix: ${defaultSeverity}, no level of this scheme`;
}

/** The hint under the trigger field: the suggested level, and where it comes from when the schemes differ. */
function suggestionHint(defaultSeverity: string, match: Correspondence, chosen: string): string {
  if (match.kind === 'none') return `The trigger matrix's ${defaultSeverity}${match.from ? ` (${match.from.tier})` : ''} has no level in this scheme: choose one.`;
  const suggestion = `Suggested severity ${match.level.id}${chosen === match.level.id ? ' (selected)' : ''}`;
  if (match.kind === 'same') return `${suggestion}.`;
  return `${suggestion}: the trigger matrix says ${match.from.id}, ${match.from.tier} in ${match.fromScheme.name}, as ${match.level.id} is here.`;
}
