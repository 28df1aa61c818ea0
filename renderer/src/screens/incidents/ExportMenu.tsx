// Exports of the record: the post-mortem, the incident log, the evidence bundle. Progress comes from the
// host's export.progress events; the result is the path of the file it wrote.
import { useEffect, useId, useRef, useState } from 'react';
import { formatBytes, type Incident } from '../../../../electron/contract';
import { ExportIcon } from './incidentIcons';
import { useIncidents, type ExportFormat } from './incidentsStore';

const formats: { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'postmortem', label: 'Export post-mortem', detail: 'The post-mortem document with its UTC timeline' },
  { format: 'log', label: 'Export incident log', detail: 'Every timeline event, with hashes, for the record' },
  { format: 'bundle', label: 'Export evidence bundle', detail: 'Evidence files with their sha256 manifest' },
];

export function ExportMenu({ incident }: { incident: Incident }) {
  const exports = useIncidents((state) => state.exports);
  const runExport = useIncidents((state) => state.runExport);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const running = Object.values(exports).some((state) => state?.state === 'running');

  // Esc or a click elsewhere closes it (listening on the document: a button being disabled while its
  // export runs drops focus to the page).
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      const hadFocus = rootRef.current?.contains(document.activeElement) || document.activeElement === document.body;
      setOpen(false);
      if (hadFocus) rootRef.current?.querySelector<HTMLButtonElement>('.export-toggle')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="export-menu" ref={rootRef}>
      <button type="button" className="button export-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        <ExportIcon />
        {running ? 'Exporting…' : 'Export'}
      </button>
      <div id={panelId} className="export-panel" role="region" aria-label={`Exports of ${incident.humanId}`} hidden={!open}>
        {formats.map(({ format, label, detail }) => {
          const state = exports[format];
          const progress = state?.progress;
          return (
            <div key={format} className="export-item">
              <button type="button" className="button export-button" onClick={() => void runExport(format)} disabled={state?.state === 'running'}>
                {label}
              </button>
              <p className="field-help">{detail}</p>
              {state?.state === 'running' && (
                <div className="export-progress" role="status">
                  <progress max={progress?.total || undefined} value={progress ? progress.done : undefined} aria-label={`${label} progress`} />
                  <span>{progress ? `${progress.stage} · ${progress.done}/${progress.total}` : 'Starting…'}</span>
                </div>
              )}
              {state?.state === 'done' && (
                <p role="status" className="export-done">
                  Written to <code>{state.path}</code>
                  {state.bytes !== undefined && ` (${formatBytes(state.bytes)})`}
                </p>
              )}
              {state?.state === 'failed' && (
                <p role="alert" className="inc-alert inc-alert-inline">
                  {label.replace('Export', 'Export of the')} failed: {state.error}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
