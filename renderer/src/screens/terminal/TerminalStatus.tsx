// The strip under a terminal's tabs: its shell, its directory, whether its commands are being recorded,
// and its recording (.cast) export. When the shell has ended, the banner with Restart.
import { useState } from 'react';
import { errorMessage, formatBytes, type TerminalInfo } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { ExportIcon, SearchIcon } from '../incidents/incidentIcons';
import { useTerminals } from './terminalStore';
import { captureText, endedText, shellName, shortPath } from './terminalText';
import { existingSession } from './sessionRegistry';

export function TerminalStatus({ info }: { info: TerminalInfo }) {
  const [exported, setExported] = useState<{ path?: string; error?: string; busy?: boolean }>({});
  const capture = captureText(info);

  const exportCast = async () => {
    setExported({ busy: true });
    try {
      const { path, bytes } = await hostClient.call('terminals.exportCast', { terminalId: info.id });
      setExported({ path: `${path} (${formatBytes(bytes)})` });
    } catch (error) {
      setExported({ error: errorMessage(error) });
    }
  };

  return (
    <div className="term-status">
      <div className="term-status-row">
        <span className="term-status-shell">{shellName(info)}</span>
        <span className="term-status-cwd" title={info.cwd}>
          {shortPath(info.cwd)}
        </span>
        <span className={`term-capture term-capture-${capture.tone}`} title={capture.detail}>
          <span className="term-capture-dot" aria-hidden="true" />
          {capture.label}
          <span className="term-visually-hidden">: {capture.detail}</span>
        </span>
        <span className="term-status-spacer" />
        <button type="button" className="term-tool-button" aria-label={`Find in ${info.title}`} title="Find (Ctrl+Shift+F)" onClick={() => existingSession(info.id)?.onFind()}>
          <SearchIcon />
        </button>
        <button type="button" className="term-tool-button term-tool-text" disabled={exported.busy} onClick={() => void exportCast()} title="Write this session's asciinema recording to the exports folder">
          <ExportIcon />
          Export recording (.cast)
        </button>
      </div>
      {(exported.path || exported.error) && (
        <p className={exported.error ? 'term-status-note term-status-note-bad' : 'term-status-note'} role="status">
          {exported.error ? `Could not export the recording: ${exported.error}` : <>Recording written to <code>{exported.path}</code></>}
        </p>
      )}
    </div>
  );
}

/** Shown over a terminal whose shell exited or never started: what happened, and Restart. */
export function TerminalEnded({ info }: { info: TerminalInfo }) {
  const restart = useTerminals((state) => state.restart);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const failed = info.state === 'failed';

  const onRestart = async () => {
    setBusy(true);
    setError('');
    try {
      await restart(info.id);
      existingSession(info.id)?.focus();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={failed ? 'term-ended term-ended-failed' : 'term-ended'} role={failed ? 'alert' : 'status'}>
      <div className="term-ended-text">
        <strong>{failed ? `The shell could not start` : endedText(info)}</strong>
        {failed && info.problem && <span>{info.problem}</span>}
        {error && <span className="term-ended-error">Restart failed: {error}</span>}
      </div>
      <button type="button" className="button button-primary term-ended-restart" disabled={busy} onClick={() => void onRestart()}>
        Restart
      </button>
    </div>
  );
}
