import { IncidentsIcon } from '../app/icons';
import { useConsole } from '../state/consoleStore';
import { EmptyState, ScreenFrame } from './ScreenFrame';

export function IncidentsScreen() {
  const dataDir = useConsole((state) => state.app?.dataDir);
  return (
    <ScreenFrame title="Incidents" subtitle="The incident log on this laptop: the system of record while you respond.">
      <EmptyState title="No incidents on this laptop" Icon={IncidentsIcon}>
        <p>Incidents, their UTC timelines and their evidence are kept on this device, so the log keeps working when the network, the pager or chat does not.</p>
        {dataDir && (
          <p className="muted">
            Stored in <code>{dataDir}</code>
          </p>
        )}
      </EmptyState>
    </ScreenFrame>
  );
}
