// The user's runbook folders (often a git checkout of the team's runbook repo), read besides the built-in
// library. Saved in settings.runbookFolders; the host re-reads the library and watches the folders.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import { useRunbookLibrary } from './runbookLibraryStore';

export function RunbookFoldersPanel() {
  const folders = useConsole((state) => state.settings?.runbookFolders);
  const updateSettings = useConsole((state) => state.updateSettings);
  const all = useRunbookLibrary((state) => state.all);
  const problems = useRunbookLibrary((state) => state.problems);
  const [path, setPath] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const inputId = useId();

  const save = async (next: string[], done: string) => {
    setBusy(true);
    setStatus('');
    try {
      await updateSettings({ runbookFolders: next });
      setStatus(done);
      return true;
    } catch (error) {
      const issue = error instanceof HoldfastError ? error.issues?.find((candidate) => candidate.path.startsWith('params.runbookFolders')) : undefined;
      if (issue) setFieldError(`Folder path: ${issue.message}`);
      else setStatus(`Not saved: ${errorMessage(error)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = path.trim();
    setFieldError('');
    if (!folders) return;
    if (!wanted) return setFieldError('Type the full path of a folder holding .yaml or .md runbooks.');
    if (folders.includes(wanted)) return setFieldError('That folder is already in the list.');
    if (await save([...folders, wanted], `Added ${wanted}. The library is re-read now.`)) setPath('');
  };

  const remove = (folder: string) => void save((folders ?? []).filter((candidate) => candidate !== folder), `Removed ${folder}.`);

  const inFolder = (file: string, folder: string) => {
    const base = folder.replace(/[\\/]+$/, '');
    return file === base || file.startsWith(`${base}/`) || file.startsWith(`${base}\\`);
  };

  return (
    <section className="rb-folders panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Your runbook folders</h2>
      <p className="muted">Read besides the built-in library and watched for changes: a git pull shows up by itself. YAML (.yaml, .yml) and Markdown (.md) files.</p>
      {folders === undefined ? (
        <p className="muted">Loading settings…</p>
      ) : folders.length === 0 ? (
        <p className="muted">No folders yet: only the built-in runbooks are listed.</p>
      ) : (
        <ul className="rb-folder-list" aria-label="Runbook folders">
          {folders.map((folder) => {
            const loaded = all.filter((summary) => summary.origin === 'user' && inFolder(summary.path, folder)).length;
            const broken = problems.filter((report) => report.origin === 'user' && inFolder(report.path, folder)).length;
            return (
              <li key={folder} className="rb-folder">
                <div className="rb-folder-text">
                  <code>{folder}</code>
                  <span className={loaded === 0 && broken === 0 ? 'rb-folder-counts rb-text-warn' : 'rb-folder-counts muted'}>
                    {loaded === 0 && broken === 0
                      ? 'No runbooks found here: check the path.'
                      : `${loaded} runbook${loaded === 1 ? '' : 's'}${broken ? `, ${broken} file${broken === 1 ? '' : 's'} with problems` : ''}`}
                  </span>
                </div>
                <button type="button" className="rb-button rb-button-small" aria-label={`Remove folder ${folder}`} disabled={busy} onClick={() => remove(folder)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="rb-folder-form" onSubmit={add} noValidate>
        <label htmlFor={inputId} className="rb-label">
          Folder path
        </label>
        <div className="rb-inline">
          <input
            id={inputId}
            className="text-input rb-grow"
            value={path}
            onChange={(event) => {
              setPath(event.target.value);
              setFieldError('');
            }}
            placeholder="/home/you/src/team-runbooks"
            aria-invalid={Boolean(fieldError)}
            aria-describedby={`${inputId}-help`}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="rb-button" disabled={busy || !folders}>
            Add folder
          </button>
        </div>
        <p id={`${inputId}-help`} className={fieldError ? 'field-help field-error' : 'field-help'}>
          {fieldError || 'The full path on this computer. Subfolders are included.'}
        </p>
        <p role="status" className="form-status">
          {status}
        </p>
      </form>
    </section>
  );
}
