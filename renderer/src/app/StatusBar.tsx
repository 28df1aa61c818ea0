// The bottom bar: is this laptop online, is the console connected to its host, and the time in UTC
// (incident timelines are UTC; local time is on hover).
import { useEffect, useState } from 'react';
import { useConsole } from '../state/consoleStore';

export function StatusBar() {
  const connectivity = useConsole((state) => state.connectivity);
  const hostLink = useConsole((state) => state.hostLink);
  const state = connectivity?.state ?? 'unknown';
  const label = state === 'online' ? 'Online' : state === 'offline' ? 'Offline' : 'Checking connectivity';

  return (
    <footer className="status-bar" aria-label="Status">
      <div role="status" aria-label="Connectivity" className={`status-item connectivity connectivity-${state}`} title={connectivity?.reason}>
        <span className="status-dot" aria-hidden="true" />
        <span>{label}</span>
        {connectivity && <span className="status-detail">{connectivity.reason}</span>}
      </div>
      {hostLink !== 'connected' && (
        <div role="alert" className="status-item host-link">
          {hostLink === 'connecting' ? 'Connecting to the Holdfast host…' : 'Disconnected from the Holdfast host: reconnecting…'}
        </div>
      )}
      <UtcClock />
    </footer>
  );
}

function UtcClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="status-item utc-clock" dateTime={now.toISOString()} title={`Local time: ${now.toLocaleString()}`} aria-label="Current time, UTC">
      {now.toISOString().slice(11, 19)} UTC
    </time>
  );
}
