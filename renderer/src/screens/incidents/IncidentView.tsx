// One incident, worked: header and controls, where the time went, the timeline with the note field, and
// the panels (status update, evidence, action items, post-mortem). Files dropped anywhere become evidence.
import { useEffect, useId, useRef, useState } from 'react';
import { useConsole } from '../../state/consoleStore';
import { ActionItems } from './ActionItems';
import { EvidencePanel } from './EvidencePanel';
import { attachFiles } from './evidenceUploads';
import { counted, countedOf } from './counted';
import { AttachIcon } from './incidentIcons';
import { IncidentHeader } from './IncidentHeader';
import { useIncidents } from './incidentsStore';
import { PhaseBar } from './PhaseBar';
import { PostmortemEditor } from './PostmortemEditor';
import { QuickNote } from './QuickNote';
import { GuidedRunPanel } from '../runs/GuidedRunPanel';
import { IncidentTerminals } from '../terminal/IncidentTerminals';
import { terminalsIn, useTerminals } from '../terminal/terminalStore';
import { SideTabs } from './SideTabs';
import { StatusUpdateComposer } from './StatusUpdateComposer';
import { Timeline } from './Timeline';
import { useFileDrop } from './useFileDrop';
import { VerifyTimeline } from './VerifyTimeline';

type TabId = 'runbooks' | 'terminal' | 'update' | 'evidence' | 'actions' | 'postmortem';

export function IncidentView({ incidentId }: { incidentId: string }) {
  const { detail, detailError, timeline, timelineDone, timelineError, close } = useIncidents();
  const maxMiB = useConsole((state) => state.settings?.maxAttachmentMiB);
  const [tab, setTab] = useState<TabId>('runbooks');
  const [latestSignal, setLatestSignal] = useState(0);
  const titleId = useId();
  const reveal = useTerminals((state) => state.reveal);
  const runningTerminals = useTerminals((state) => (detail ? terminalsIn(state.byId, detail.incident.id).filter((info) => info.state === 'running').length : 0));
  // A runbook step handed to this incident's terminal: show the terminal it went to (requests made before
  // this view opened do not count).
  const seenReveal = useRef(reveal?.seq ?? 0);
  const incidentDbId = detail?.incident.id;
  useEffect(() => {
    if (!reveal || reveal.seq <= seenReveal.current) return;
    seenReveal.current = reveal.seq;
    if (reveal.scope === incidentDbId) setTab('terminal');
  }, [reveal, incidentDbId]);
  const { dragging, handlers } = useFileDrop((files) => {
    setTab('evidence');
    void attachFiles(incidentId, files);
  });

  if (!detail) {
    return (
      <div className="incident-loading">
        {detailError ? (
          <div role="alert" className="inc-alert">
            Could not open the incident: {detailError}{' '}
            <button type="button" className="inc-link-button" onClick={close}>
              Back to all incidents
            </button>
          </div>
        ) : (
          <p className="muted">Opening the incident…</p>
        )}
      </div>
    );
  }

  const { incident, evidence, actionItems } = detail;
  const openItems = actionItems.filter((item) => !item.done).length;

  return (
    <article className={dragging ? 'incident-view incident-view-dragging' : 'incident-view'} aria-labelledby={titleId} {...handlers}>
      <IncidentHeader incident={incident} titleId={titleId} onBack={close} />
      <PhaseBar incident={incident} timeline={timeline} />
      <div className="incident-body">
        <section className="timeline-column" aria-label="Timeline">
          <div className="timeline-toolbar">
            <h3>Timeline</h3>
            <span className="muted timeline-count">{timelineDone ? counted(timeline.length, 'event') : countedOf(timeline.length, detail.timelineCount, 'event')}</span>
            <VerifyTimeline incidentId={incident.id} />
          </div>
          <Timeline events={timeline} done={timelineDone} error={timelineError} expectedCount={detail.timelineCount} latestSignal={latestSignal} />
          <QuickNote incidentId={incident.id} closed={incident.status === 'closed'} onAdded={() => setLatestSignal((value) => value + 1)} />
        </section>
        <aside className="incident-side" aria-label="Incident work">
          <SideTabs<TabId>
            label="Incident work"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'runbooks', label: 'Runbooks', badge: incident.runbooks.length ? String(incident.runbooks.length) : undefined, content: <GuidedRunPanel incidentId={incident.id} /> },
              {
                id: 'terminal',
                label: 'Terminal',
                badge: runningTerminals ? String(runningTerminals) : undefined,
                content: <IncidentTerminals incidentId={incident.id} humanId={incident.humanId} incidentOver={incident.status === 'resolved' || incident.status === 'closed'} />,
              },
              { id: 'update', label: 'Update', content: <StatusUpdateComposer incident={incident} timeline={timeline} /> },
              { id: 'evidence', label: 'Evidence', badge: evidence.length ? String(evidence.length) : undefined, content: <EvidencePanel incidentId={incident.id} evidence={evidence} maxMiB={maxMiB} /> },
              { id: 'actions', label: 'Actions', badge: openItems ? String(openItems) : undefined, content: <ActionItems incidentId={incident.id} items={actionItems} /> },
              { id: 'postmortem', label: 'Post-mortem', content: <PostmortemEditor incident={incident} /> },
            ]}
          />
        </aside>
      </div>
      {dragging && (
        <div className="drop-zone" aria-hidden="true">
          <div className="drop-zone-card">
            <AttachIcon />
            <strong>Drop to attach as evidence</strong>
            <span>to {incident.humanId}; stored by sha256, never changed</span>
          </div>
        </div>
      )}
    </article>
  );
}
