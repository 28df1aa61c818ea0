// Evidence of this incident: what was captured, by whom, when, and its sha256 (content-addressed on disk).
// Files are attached with the picker here or by dropping them anywhere on the incident.
import { useId, useMemo } from 'react';
import { formatBytes, type Evidence } from '../../../../electron/contract';
import { attachFiles, useUploads } from './evidenceUploads';
import { AttachIcon } from './incidentIcons';
import { UtcTime } from './UtcTime';

export function EvidencePanel({ incidentId, evidence, maxMiB }: { incidentId: string; evidence: Evidence[]; maxMiB?: number }) {
  const allUploads = useUploads((state) => state.uploads);
  const uploads = useMemo(() => allUploads.filter((upload) => upload.incidentId === incidentId), [allUploads, incidentId]);
  const dismiss = useUploads((state) => state.dismiss);
  const id = useId();
  const files = evidence.filter((item) => item.source !== 'command');
  const outputs = evidence.filter((item) => item.source === 'command');

  return (
    <div className="evidence-panel">
      <div className="inc-panel-intro">
        <p className="muted">Files are stored by their sha256 and never changed. Drop files anywhere on the incident, or:</p>
        <input
          id={id}
          type="file"
          multiple
          className="inc-sr-only-file"
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            const files = event.target.files ? [...event.target.files] : [];
            event.target.value = '';
            void attachFiles(incidentId, files);
          }}
        />
        <label htmlFor={id} className="button attach-button">
          <AttachIcon />
          Attach evidence
        </label>
        <p id={`${id}-help`} className="field-help">
          {maxMiB ? `Up to ${maxMiB} MiB per file (Settings).` : ''} Larger files: <code>holdfast evidence add</code>.
        </p>
      </div>

      {uploads.length > 0 && (
        <ul className="upload-list" aria-label="Attachments in progress">
          {uploads.map((upload) => (
            <li key={upload.id} className={upload.stage === 'failed' ? 'upload upload-failed' : 'upload'}>
              <span className="upload-name">{upload.name}</span>
              <span className="muted">{formatBytes(upload.size)}</span>
              {upload.stage === 'reading' && (
                <span className="upload-stage" role="status">
                  <progress max={1} value={upload.readFraction ?? 0} aria-label={`Reading ${upload.name}`} /> Reading…
                </span>
              )}
              {upload.stage === 'sending' && (
                <span className="upload-stage" role="status">
                  <progress aria-label={`Storing ${upload.name}`} /> Storing…
                </span>
              )}
              {upload.stage === 'failed' && (
                <>
                  <span role="alert" className="upload-error">
                    Not attached: {upload.error}
                  </span>
                  <button type="button" className="inc-link-button" onClick={() => dismiss(upload.id)} aria-label={`Dismiss the error for ${upload.name}`}>
                    Dismiss
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      {evidence.length === 0 ? (
        <p className="muted inc-panel-empty">No evidence yet: attach logs, screenshots, dashboards.</p>
      ) : (
        <>
          {files.length > 0 && <EvidenceTable label="Files" items={files} />}
          {outputs.length > 0 && (
            // Every command run in the incident's terminals adds one: folded, so the team's own files stay in view.
            <details className="evidence-outputs">
              <summary>Command output ({outputs.length})</summary>
              <EvidenceTable label="Command output" items={outputs} />
            </details>
          )}
        </>
      )}
    </div>
  );
}

function EvidenceTable({ label, items }: { label: string; items: Evidence[] }) {
  return (
    <table className="evidence-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">sha256</th>
          <th scope="col">Captured</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td className="evidence-file">
              <span className="evidence-name">{item.name}</span>
              <span className="evidence-type">
                {item.mediaType} · {formatBytes(item.size)}
              </span>
            </td>
            <td>
              <code title={item.sha256}>{item.sha256.slice(0, 12)}</code>
            </td>
            <td>
              <UtcTime iso={item.capturedAt} />
              <span className="evidence-by">by {item.capturedBy}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
