// The runbook library: search on the left (with the files that could not be loaded), the open runbook on
// the right; with none open, the user's runbook folders. Everything is read from local files, so it works
// offline.
import { errorMessage } from '../../../electron/contract';
import { useEffect, useRef, useState } from 'react';
import { useConsole } from '../state/consoleStore';
import { RunbookFoldersPanel } from './runbooks/RunbookFoldersPanel';
import { RunbookLibrary, RunbookProblems } from './runbooks/RunbookLibrary';
import { followRunbookLibrary, useRunbookLibrary } from './runbooks/runbookLibraryStore';
import { RunbookView } from './runbooks/RunbookView';
import { ScreenFrame } from './ScreenFrame';

export function RunbooksScreen() {
  const { problems, selectedId, selected, selectedError, open, reload } = useRunbookLibrary();
  const hostLink = useConsole((state) => state.hostLink);
  const [reloadStatus, setReloadStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusOnOpen = useRef(false);
  const problemsRef = useRef<HTMLHeadingElement>(null);

  const showProblems = () => {
    void open(undefined).then(() => requestAnimationFrame(() => problemsRef.current?.focus()));
  };

  useEffect(() => followRunbookLibrary(), []);
  // After a reconnect the host may have restarted with other folders: read the library again.
  useEffect(() => {
    if (hostLink === 'connected') void useRunbookLibrary.getState().refresh(true);
  }, [hostLink]);

  // Opening a runbook from the list moves focus to its title, so reading starts there.
  useEffect(() => {
    if (selected && focusOnOpen.current) {
      focusOnOpen.current = false;
      headingRef.current?.focus();
    }
  }, [selected]);
  useEffect(
    () =>
      useRunbookLibrary.subscribe((state, previous) => {
        if (state.selectedId && state.selectedId !== previous.selectedId) focusOnOpen.current = true;
      }),
    [],
  );

  const reloadLibrary = async () => {
    setReloadStatus('Reloading…');
    try {
      setReloadStatus(await reload());
    } catch (error) {
      setReloadStatus(`Could not reload: ${errorMessage(error)}`);
    }
  };

  return (
    <ScreenFrame
      title="Runbooks"
      subtitle="Your runbook library, kept locally and searchable offline."
      actions={
        <div className="rb-header-actions">
          <span role="status" className="rb-header-status muted">
            {reloadStatus}
          </span>
          <button type="button" className="rb-button" onClick={() => void open(undefined)}>
            Runbook folders
          </button>
          <button type="button" className="rb-button" onClick={() => void reloadLibrary()}>
            Reload library
          </button>
        </div>
      }
    >
      <div className="rb-layout">
        <div className="rb-sidebar">
          <RunbookLibrary onShowProblems={showProblems} />
        </div>
        <div className="rb-main">
          {selectedId ? (
            selected ? (
              <RunbookView runbook={selected} headingRef={headingRef} />
            ) : selectedError ? (
              <p role="alert" className="rb-alert">
                {selectedError}
              </p>
            ) : (
              <p className="muted">Opening the runbook…</p>
            )
          ) : (
            <div className="rb-overview">
              <div className="rb-intro">
                <h2>Pick a runbook</h2>
                <p className="muted">
                  Search by title, trigger or alert ID, tag or any word of a step. Inside an incident, a runbook is walked step by step: each command is shown in full, with your values, and runs only when
                  you choose.
                </p>
              </div>
              <RunbookProblems reports={problems} headingRef={problemsRef} />
              <RunbookFoldersPanel />
            </div>
          )}
        </div>
      </div>
    </ScreenFrame>
  );
}
