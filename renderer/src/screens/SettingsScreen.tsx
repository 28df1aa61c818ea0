// Settings: appearance applies at once; identity and hub are saved together. Errors from the host name the
// field they belong to and are shown beside it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { errorMessage, HoldfastError, type Settings, severitySchemes, themePreferences } from '../../../electron/contract';
import { useConsole } from '../state/consoleStore';
import { RunbookFoldersPanel } from './runbooks/RunbookFoldersPanel';
import { followRunbookLibrary } from './runbooks/runbookLibraryStore';
import { ScreenFrame } from './ScreenFrame';
import { NumberSetting } from './settings/NumberSetting';
import { TerminalSettingsPanel } from './settings/TerminalSettingsPanel';

const themeLabels: Record<Settings['theme'], string> = { system: 'Match system', light: 'Light', dark: 'Dark' };
const shellLabels = { electron: 'Desktop app (Electron)', browser: 'Browser console (holdfast serve)' } as const;

export function SettingsScreen() {
  const { settings, app, connectivity, updateSettings, recheckConnectivity } = useConsole();
  // The radio shows the choice at once; the host's answer (settings.theme) then takes over.
  const [chosenTheme, setChosenTheme] = useState<Settings['theme']>();
  useEffect(() => setChosenTheme(undefined), [settings?.theme]);
  const shownTheme = chosenTheme ?? settings?.theme;
  const [recheckProblem, setRecheckProblem] = useState('');
  const recheck = () => {
    setRecheckProblem('');
    recheckConnectivity().catch((error: unknown) => setRecheckProblem(`Could not check: ${errorMessage(error)}`));
  };
  // The folders panel shows how many runbooks each folder holds: keep the library loaded here too.
  useEffect(() => followRunbookLibrary(), []);
  return (
    <ScreenFrame title="Settings" subtitle="Stored in settings.json in your data folder; shared by the desktop app and the browser console.">
      <div className="settings-grid">
        <section className="panel" aria-labelledby="appearance-heading">
          <h2 id="appearance-heading">Appearance</h2>
          <fieldset className="choice-group">
            <legend>Theme</legend>
            {themePreferences.map((theme) => (
              <label key={theme} className="choice">
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={shownTheme === theme}
                  disabled={!settings}
                  onChange={() => {
                    setChosenTheme(theme);
                    void updateSettings({ theme }).catch(() => setChosenTheme(undefined));
                  }}
                />
                {themeLabels[theme]}
              </label>
            ))}
          </fieldset>
        </section>
        {settings && <IdentityAndHubForm settings={settings} save={updateSettings} />}
        {settings && <IncidentPolicyPanel settings={settings} save={updateSettings} />}
        {settings && <TerminalSettingsPanel settings={settings} save={updateSettings} />}
        <RunbookFoldersPanel />
        <section className="panel" aria-labelledby="connectivity-heading">
          <h2 id="connectivity-heading">Connectivity</h2>
          <p>{connectivity ? `${capitalise(connectivity.state)}: ${connectivity.reason}` : 'Not checked yet'}</p>
          {connectivity && <p className="muted">Checked {new Date(connectivity.checkedAt).toISOString().slice(11, 19)} UTC</p>}
          <button type="button" className="button" onClick={recheck}>
            Check connectivity now
          </button>
          {recheckProblem && (
            <p role="alert" className="field-error">
              {recheckProblem}
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">About this console</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd>{app?.version ?? '…'}</dd>
            <dt>Running as</dt>
            <dd>{app ? shellLabels[app.shell] : '…'}</dd>
            <dt>Data folder</dt>
            <dd>
              <code>{app?.dataDir ?? '…'}</code>
            </dd>
            <dt>Platform</dt>
            <dd>{app?.platform ?? '…'}</dd>
          </dl>
        </section>
      </div>
    </ScreenFrame>
  );
}

function IdentityAndHubForm({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<Settings> }) {
  const [responderName, setResponderName] = useState(settings.responderName);
  const [hubUrl, setHubUrl] = useState(settings.hubUrl);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const nameId = useId();
  const hubId = useId();

  // Another window (or another process on the same data dir) may change these; follow it.
  useEffect(() => setResponderName(settings.responderName), [settings.responderName]);
  useEffect(() => setHubUrl(settings.hubUrl), [settings.hubUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    try {
      await save({ responderName: responderName.trim(), hubUrl: hubUrl.trim() });
      setFieldErrors({});
      setStatus('Saved');
    } catch (error) {
      if (error instanceof HoldfastError && error.issues) {
        setFieldErrors(Object.fromEntries(error.issues.map((issue) => [issue.path.replace(/^params\./, ''), issue.message])));
        setStatus('Not saved: fix the highlighted field.');
      } else setStatus(`Not saved: ${errorMessage(error)}`);
    }
  };

  return (
    <form className="panel" aria-labelledby="identity-heading" onSubmit={submit} noValidate>
      <h2 id="identity-heading">You and your team</h2>
      <label htmlFor={nameId}>Your name</label>
      <input id={nameId} className="text-input" value={responderName} onChange={(event) => setResponderName(event.target.value)} placeholder="e.g. Priya Raman" aria-describedby={`${nameId}-help`} autoComplete="name" />
      <p id={`${nameId}-help`} className="field-help">
        Recorded as the author of what you add to an incident.
      </p>
      <label htmlFor={hubId}>Team hub URL</label>
      <input
        id={hubId}
        className="text-input"
        value={hubUrl}
        onChange={(event) => setHubUrl(event.target.value)}
        placeholder="https://hub.example.internal"
        aria-invalid={Boolean(fieldErrors.hubUrl)}
        aria-describedby={`${hubId}-help`}
        inputMode="url"
      />
      <p id={`${hubId}-help`} className={fieldErrors.hubUrl ? 'field-help field-error' : 'field-help'}>
        {fieldErrors.hubUrl ? `Team hub URL: ${fieldErrors.hubUrl}` : 'Leave empty to work on this laptop only. Holdfast is online when the hub answers.'}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Save changes
        </button>
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
    </form>
  );
}

function IncidentPolicyPanel({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<Settings> }) {
  const schemeId = useId();
  const scheme = severitySchemes.find((candidate) => candidate.id === settings.severityScheme);

  return (
    <section className="panel" aria-labelledby="policy-heading">
      <h2 id="policy-heading">Incident policy</h2>
      <label htmlFor={schemeId}>Severity scheme</label>
      <select id={schemeId} className="text-input" value={settings.severityScheme} onChange={(event) => void save({ severityScheme: event.target.value })}>
        {severitySchemes.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      {scheme && (
        <ul className="severity-levels" aria-label="Severity levels and response times">
          {scheme.levels.map((level) => (
            <li key={level.id}>
              <strong>{level.label}</strong>: {level.responseText}
            </li>
          ))}
        </ul>
      )}
      <p className="field-help">From: {scheme?.source}. Applies to incidents declared from now on.</p>
      <NumberSetting settings={settings} name="maxAttachmentMiB" label="Largest attachment (MiB)" min={1} max={4096} saveLabel="Save limit" save={save} />
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
