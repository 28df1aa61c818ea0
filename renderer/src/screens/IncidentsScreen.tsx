// The incident log: the list of incidents on this laptop, or one incident's working view. Declaring is one
// button away from both.
import { useEffect, useState } from 'react';
import { DeclareIncidentDialog } from './incidents/DeclareIncidentDialog';
import { PlusIcon } from './incidents/incidentIcons';
import { IncidentList } from './incidents/IncidentList';
import { connectIncidentsStore, refreshList, useIncidents } from './incidents/incidentsStore';
import { IncidentView } from './incidents/IncidentView';
import { ScreenFrame } from './ScreenFrame';
import '../styles/incidents.css';

export function IncidentsScreen() {
  useEffect(connectIncidentsStore, []);
  const openId = useIncidents((state) => state.openId);
  const open = useIncidents((state) => state.open);
  const [declaring, setDeclaring] = useState(false);

  return (
    <ScreenFrame
      title="Incidents"
      subtitle={openId ? undefined : 'The incident log on this laptop: the system of record while you respond.'}
      actions={
        <button type="button" className="button button-primary inc-declare" onClick={() => setDeclaring(true)}>
          <PlusIcon />
          Declare incident
        </button>
      }
    >
      <div className={openId ? 'incidents-screen incidents-screen-view' : 'incidents-screen'}>{openId ? <IncidentView key={openId} incidentId={openId} /> : <IncidentList onDeclare={() => setDeclaring(true)} />}</div>
      {declaring && (
        <DeclareIncidentDialog
          onClose={() => setDeclaring(false)}
          onDeclared={(incident) => {
            setDeclaring(false);
            open(incident.id);
            refreshList();
          }}
        />
      )}
    </ScreenFrame>
  );
}
