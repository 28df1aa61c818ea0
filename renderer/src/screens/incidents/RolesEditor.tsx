// Who does what: commander, communications lead, responders. Saved together, recorded on the timeline.
import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { Dialog, DialogActions } from './Dialog';
import { formErrors, type FormErrors } from './errors';
import { describedBy, FieldError } from './FieldError';
import { useIncidents } from './incidentsStore';

export function RolesEditor({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const applyIncident = useIncidents((state) => state.applyIncident);
  const [commander, setCommander] = useState(incident.roles.commander);
  const [communicationsLead, setCommunicationsLead] = useState(incident.roles.communicationsLead);
  const [responders, setResponders] = useState(incident.roles.responders.join(', '));
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const ids = { commander: useId(), lead: useId(), responders: useId() };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const roles = {
        commander: commander.trim(),
        communicationsLead: communicationsLead.trim(),
        responders: responders
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      };
      applyIncident(await hostClient.call('incidents.setRoles', { incidentId: incident.id, roles }));
      onClose();
    } catch (error) {
      setErrors(formErrors(error, (path) => (path[0] === 'roles' ? path[1] : undefined)));
      setSaving(false);
    }
  };

  const e = errors.fields;
  return (
    <Dialog title="Incident roles" description={`${incident.humanId}: changes are recorded on the timeline.`} onClose={onClose}>
      <form className="inc-form" onSubmit={save} noValidate>
        {errors.general && (
          <p role="alert" className="inc-alert">
            {errors.general}
          </p>
        )}
        <div className="inc-field">
          <label htmlFor={ids.commander}>Incident commander</label>
          <input id={ids.commander} data-autofocus className="text-input" value={commander} onChange={(event) => setCommander(event.target.value)} aria-invalid={Boolean(e.commander)} aria-describedby={describedBy(ids.commander, e.commander)} />
          <FieldError inputId={ids.commander} message={e.commander} />
        </div>
        <div className="inc-field">
          <label htmlFor={ids.lead}>Communications lead</label>
          <input id={ids.lead} className="text-input" value={communicationsLead} onChange={(event) => setCommunicationsLead(event.target.value)} aria-invalid={Boolean(e.communicationsLead)} aria-describedby={describedBy(ids.lead, e.communicationsLead)} />
          <FieldError inputId={ids.lead} message={e.communicationsLead} />
        </div>
        <div className="inc-field">
          <label htmlFor={ids.responders}>Responders</label>
          <input
            id={ids.responders}
            className="text-input"
            value={responders}
            onChange={(event) => setResponders(event.target.value)}
            placeholder="Names, separated by commas"
            aria-invalid={Boolean(e.responders)}
            aria-describedby={describedBy(ids.responders, e.responders)}
          />
          <FieldError inputId={ids.responders} message={e.responders} />
        </div>
        <DialogActions onCancel={onClose} submitLabel="Save roles" busyLabel="Saving…" busy={saving} />
      </form>
    </Dialog>
  );
}
