// Guided runs inside an incident: the incident's runs, newest first, each a checklist of its steps, then
// its verification checks and exit criteria; and a control to start another runbook (the ones for the
// incident's trigger first). Every change is a timeline event; the panel follows the host's events.
import { useId, useState } from 'react';
import type { RunbookRun } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import '../../styles/runbooks.css';
import { countedOf } from '../incidents/counted';
import { formatUtc } from '../runbooks/RunbookParts';
import { RunItem } from './RunItem';
import { RunVariables } from './RunVariables';
import { secretsOf, useSecretsVersion } from './secretValues';
import { StartRun } from './StartRun';
import { useGuidedRuns } from './useGuidedRuns';

export function GuidedRunPanel({ incidentId }: { incidentId: string }) {
  const { incident, runs, loaded, error, matching, library, libraryError, applyRun } = useGuidedRuns(incidentId);
  const offline = useConsole((state) => state.connectivity?.state === 'offline');
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [choosing, setChoosing] = useState(false);
  const headingId = useId();
  const newestFirst = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));

  return (
    <section className="run-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="rb-visually-hidden">
        Guided runbook runs
      </h3>
      {offline && (
        <p className="rb-callout rb-callout-bad run-offline">
          <strong>Offline.</strong> Steps that need the network are marked, with what to do instead.
        </p>
      )}
      {runs.length > 0 && !choosing ? (
        <button type="button" className="rb-button run-another" onClick={() => setChoosing(true)}>
          Start another runbook…
        </button>
      ) : (
        <StartRun
          incidentId={incident?.id ?? incidentId}
          triggerId={incident?.triggerId.trim() ?? ''}
          matching={matching}
          library={library}
          libraryError={libraryError}
          onClose={runs.length > 0 ? () => setChoosing(false) : undefined}
          onStarted={(run) => {
            applyRun(run);
            setChoosing(false);
            // The new run opens; the others fold away.
            setCollapsed(Object.fromEntries([...runs.map((candidate) => [candidate.id, true] as const), [run.id, false] as const]));
          }}
        />
      )}
      {error && (
        <p role="alert" className="rb-alert">
          Could not read this incident's runs: {error}
        </p>
      )}
      {!loaded && <p className="muted">Loading runs…</p>}
      {loaded && !error && runs.length === 0 && <p className="muted run-none">No runbook started for this incident yet.</p>}
      {newestFirst.map((run, index) => (
        <RunCard
          key={run.id}
          run={run}
          offline={offline}
          expanded={!(collapsed[run.id] ?? index > 0)}
          onToggle={() => setCollapsed((current) => ({ ...current, [run.id]: !(current[run.id] ?? index > 0) }))}
          onChanged={applyRun}
        />
      ))}
    </section>
  );
}

function RunCard({ run, offline, expanded, onToggle, onChanged }: { run: RunbookRun; offline: boolean; expanded: boolean; onToggle: () => void; onChanged: (run: RunbookRun) => void }) {
  useSecretsVersion();
  const secrets = secretsOf(run.id);
  const { runbook } = run;
  const steps = [...runbook.steps].sort((a, b) => a.order - b.order);
  const verification = runbook.verification ?? [];
  const exitCriteria = runbook.exitCriteria ?? [];
  const stepStates = steps.map((step) => run.items[`step:${step.order}`]?.state ?? 'pending');
  const finished = stepStates.filter((state) => state === 'done' || state === 'skipped').length;
  const failed = stepStates.filter((state) => state === 'failed').length;
  const bodyId = useId();
  const titleId = useId();
  const summary = `${countedOf(finished, steps.length, 'step')} done or skipped${failed ? `, ${failed} failed` : ''}`;

  return (
    <article className="run-card" aria-labelledby={titleId}>
      <header className="run-card-header">
        <button type="button" className="run-card-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span className="run-card-chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span id={titleId} className="run-card-title">
            {runbook.title}
          </span>
        </button>
        <p className="run-card-meta muted">
          Started by {run.startedBy || 'someone'} at {formatUtc(run.startedAt)}
        </p>
        <div className="run-progress">
          <progress max={Math.max(steps.length, 1)} value={finished} aria-label={`Progress of ${runbook.title}`} aria-valuetext={summary} />
          <span className={failed ? 'run-progress-text rb-text-bad' : 'run-progress-text muted'}>{summary}</span>
        </div>
        <RunVariables run={run} secrets={secrets} onChanged={onChanged} />
      </header>
      <div id={bodyId} hidden={!expanded}>
        {expanded && (
          <>
            <ol className="run-items" aria-label={`Steps of ${runbook.title}`}>
              {steps.map((step) => (
                <RunItem
                  key={step.order}
                  run={run}
                  kind="step"
                  number={step.order}
                  title={step.description}
                  step={step}
                  command={step.command}
                  expected={step.expectedOutcome}
                  offline={offline}
                  secrets={secrets}
                  onChanged={onChanged}
                />
              ))}
            </ol>
            {verification.length > 0 && (
              <>
                <h4 className="run-group-title">Verification</h4>
                <ol className="run-items" aria-label={`Verification of ${runbook.title}`}>
                  {verification.map((check, index) => (
                    <RunItem key={index} run={run} kind="verify" number={index + 1} title={check.description} command={check.command} expected={check.expected} offline={offline} secrets={secrets} onChanged={onChanged} />
                  ))}
                </ol>
              </>
            )}
            {exitCriteria.length > 0 && (
              <>
                <h4 className="run-group-title">Exit criteria</h4>
                <ol className="run-items" aria-label={`Exit criteria of ${runbook.title}`}>
                  {exitCriteria.map((criterion, index) => (
                    <RunItem key={index} run={run} kind="exit" number={index + 1} title={criterion} offline={offline} secrets={secrets} onChanged={onChanged} />
                  ))}
                </ol>
              </>
            )}
          </>
        )}
      </div>
    </article>
  );
}
