// The incident at a glance: who, what, how bad, where it stands, and the moves available from here.
import { useEffect, useId, useRef, useState } from 'react';
import type { Incident } from '../../../../electron/contract';
import { DrillBadge } from './DrillBadge';
import { ExportMenu } from './ExportMenu';
import { BackIcon } from './incidentIcons';
import { RolesEditor } from './RolesEditor';
import { SeverityBadge } from './SeverityBadge';
import { SeverityControl } from './SeverityControl';
import { StatusBadge } from './StatusBadge';
import { StatusControls } from './StatusControls';
import { UtcTime } from './UtcTime';

const milestones: { key: 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt' | 'closedAt'; label: string }[] = [
  { key: 'detectedAt', label: 'Detected' },
  { key: 'acknowledgedAt', label: 'Acknowledged' },
  { key: 'mitigatedAt', label: 'Mitigated' },
  { key: 'resolvedAt', label: 'Resolved' },
  { key: 'closedAt', label: 'Closed' },
];

export function IncidentHeader({ incident, titleId, onBack }: { incident: Incident; titleId: string; onBack: () => void }) {
  const [editingRoles, setEditingRoles] = useState(false);
  // On a short window the milestones, trigger and scope fold behind "Details" (the phase bar keeps the
  // times); on a taller one they are always shown and the button is not (incidents.css).
  const [detailsShown, setDetailsShown] = useState(false);
  const detailsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { roles } = incident;
  const scope = [...incident.services, ...incident.tenants.map((tenant) => `tenant ${tenant}`)];

  return (
    <header className="incident-header">
      <div className="incident-header-top">
        <button type="button" className="button inc-button-ghost inc-button-small" aria-label="All incidents" onClick={onBack}>
          <BackIcon />
          <span className="incident-back-label">All incidents</span>
        </button>
        <span className="inc-human-id">{incident.humanId}</span>
        <SeverityBadge scheme={incident.severityScheme} severity={incident.severity} />
        <StatusBadge status={incident.status} />
        {incident.drill && <DrillBadge />}
        <button type="button" className="inc-link-button incident-details-toggle" aria-expanded={detailsShown} aria-controls={detailsId} onClick={() => setDetailsShown((shown) => !shown)}>
          Details
        </button>
        <span className="incident-header-spacer" />
        <SeverityControl incident={incident} />
        <ExportMenu incident={incident} />
      </div>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="incident-title" title={incident.title}>
        {incident.title}
      </h2>
      <dl id={detailsId} className={detailsShown ? 'incident-facts incident-facts-shown' : 'incident-facts'}>
        {milestones
          .filter(({ key }) => incident[key])
          .map(({ key, label }) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>
                <UtcTime iso={incident[key]!} />
              </dd>
            </div>
          ))}
        {incident.triggerId && (
          <div>
            <dt>Trigger</dt>
            <dd className="inc-mono">{incident.triggerId}</dd>
          </div>
        )}
        {scope.length > 0 && (
          <div>
            <dt>Affects</dt>
            <dd>{scope.join(', ')}</dd>
          </div>
        )}
      </dl>
      <div className="incident-header-row">
        <div className="incident-roles" aria-label="Roles" role="group">
          <span>
            <span className="muted">Commander</span> {roles.commander || <em className="muted">unassigned</em>}
          </span>
          <span>
            <span className="muted">Comms lead</span> {roles.communicationsLead || <em className="muted">unassigned</em>}
          </span>
          <span>
            <span className="muted">Responders</span> {roles.responders.length ? roles.responders.join(', ') : <em className="muted">none</em>}
          </span>
          <button type="button" className="inc-link-button" onClick={() => setEditingRoles(true)}>
            Edit roles
          </button>
        </div>
        <StatusControls incident={incident} />
      </div>
      {editingRoles && <RolesEditor incident={incident} onClose={() => setEditingRoles(false)} />}
    </header>
  );
}
