// One runbook, laid out to be read under pressure: what it is for and when it applies, the variables it
// asks for, then the numbered steps (command in full with Copy, what to expect, how to undo, what it needs
// and what to do offline), how to verify, when it is over, whom to escalate to and how to reach them.
import { useId, type ReactNode, type Ref } from 'react';
import type { LibraryRunbook, RunbookStep } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import { SeverityInWorkspace } from '../incidents/SeverityBadge';
import { BreakGlassBadge, CommandBlock, needsNetwork, networkRequirements, OriginBadge, RequiresBadges } from './RunbookParts';

export function RunbookView({ runbook, headingRef }: { runbook: LibraryRunbook; headingRef?: Ref<HTMLHeadingElement> }) {
  const offline = useConsole((state) => state.connectivity?.state === 'offline');
  const titleId = useId();
  const { source } = runbook;
  return (
    <article className="rb-view" aria-labelledby={titleId}>
      <header className="rb-view-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {runbook.title}
        </h2>
        <div className="rb-view-meta">
          {runbook.severity && <SeverityInWorkspace severity={runbook.severity} />}
          <OriginBadge origin={source.origin} />
          <span className="muted">
            {runbook.steps.length} step{runbook.steps.length === 1 ? '' : 's'} · id <code>{runbook.id}</code>
          </span>
        </div>
        <p className="rb-source muted">
          {source.format === 'markdown' ? 'Markdown' : 'YAML'} file <code>{source.path}</code>
        </p>
        {runbook.tags && runbook.tags.length > 0 && (
          <ul className="rb-tags" aria-label="Tags">
            {runbook.tags.map((tag) => (
              <li key={tag} className="rb-tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </header>

      {runbook.scenario && <p className="rb-scenario">{runbook.scenario}</p>}

      {runbook.triggers && runbook.triggers.length > 0 && (
        <Section title="Triggers">
          <ul className="rb-triggers">
            {runbook.triggers.map((trigger) => (
              <li key={trigger.id} className="rb-trigger">
                <div className="rb-trigger-head">
                  <code>{trigger.id}</code>
                  {trigger.severity && <SeverityInWorkspace severity={trigger.severity} />}
                </div>
                {trigger.threshold && (
                  <p className="rb-threshold">
                    <span className="rb-term">Threshold</span> {trigger.threshold}
                  </p>
                )}
                {trigger.description && <p className="muted">{trigger.description}</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {runbook.variables && runbook.variables.length > 0 && (
        <Section title="Variables" note="Asked once when the runbook is started in an incident.">
          <dl className="rb-variables">
            {runbook.variables.map((variable) => (
              <div key={variable.name} className="rb-variable">
                <dt>
                  <code>${variable.name}</code>
                  {variable.secret && <span className="rb-badge rb-badge-warn">Secret</span>}
                </dt>
                <dd>
                  {variable.description ?? <span className="muted">No description</span>}
                  {variable.default !== undefined && !variable.secret && (
                    <span className="rb-variable-note muted">
                      Default <code>{variable.default || '(empty)'}</code>
                    </span>
                  )}
                  {variable.secret && <span className="rb-variable-note muted">Masked when asked; never written to the timeline or evidence.</span>}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}

      <Section title="Steps">
        <ol className="rb-steps">
          {runbook.steps.map((step) => (
            <StepCard key={step.order} step={step} offline={offline} />
          ))}
        </ol>
      </Section>

      {runbook.verification && runbook.verification.length > 0 && (
        <Section title="Verification">
          <ol className="rb-checks">
            {runbook.verification.map((check, index) => (
              <li key={index} className="rb-check">
                <p className="rb-check-title">{check.description}</p>
                {check.command && <CommandBlock command={check.command} copyLabel={`Copy command of verification ${index + 1}`} />}
                {check.expected && (
                  <p>
                    <span className="rb-term">Expected</span> {check.expected}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </Section>
      )}

      {runbook.exitCriteria && runbook.exitCriteria.length > 0 && (
        <Section title="Exit criteria" note="The incident can close when all of these hold.">
          <ul className="rb-exit">
            {runbook.exitCriteria.map((criterion, index) => (
              <li key={index}>{criterion}</li>
            ))}
          </ul>
        </Section>
      )}

      {runbook.escalation && runbook.escalation.length > 0 && (
        <Section title="Escalation">
          <ol className="rb-escalation">
            {runbook.escalation.map((level) => (
              <li key={level.level} className="rb-level">
                <div className="rb-level-head">
                  <span className="rb-level-number">Level {level.level}</span>
                  <strong>{level.role}</strong>
                  {level.timeLimitMinutes !== undefined && <span className="rb-badge rb-badge-warn">Escalate after {formatMinutes(level.timeLimitMinutes)}</span>}
                </div>
                {level.criteria && level.criteria.length > 0 && (
                  <div>
                    <p className="rb-term">When</p>
                    <ul>
                      {level.criteria.map((criterion, index) => (
                        <li key={index}>{criterion}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {level.responsibilities && level.responsibilities.length > 0 && (
                  <div>
                    <p className="rb-term">Responsibilities</p>
                    <ul>
                      {level.responsibilities.map((responsibility, index) => (
                        <li key={index}>{responsibility}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </Section>
      )}

      {runbook.contacts && runbook.contacts.length > 0 && (
        <Section title="Contacts">
          <ul className="rb-contacts">
            {runbook.contacts.map((contact, index) => (
              <li key={index} className="rb-contact">
                <div className="rb-contact-head">
                  <strong>{contact.role}</strong>
                  {contact.priority && <span className="rb-badge">{contact.priority}</span>}
                </div>
                {contact.name && <p>{contact.name}</p>}
                <dl className="rb-contact-ways">
                  {contact.phone && <ContactWay label="Phone" value={contact.phone} />}
                  {contact.email && <ContactWay label="Email" value={contact.email} />}
                  {contact.slack && <ContactWay label="Slack" value={contact.slack} />}
                </dl>
                {!contact.phone && !contact.email && !contact.slack && <p className="muted">No phone, email or Slack given.</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}

function StepCard({ step, offline }: { step: RunbookStep; offline: boolean }) {
  const blocked = offline && needsNetwork(step);
  return (
    <li className={blocked ? 'rb-step rb-step-blocked' : 'rb-step'} value={step.order}>
      <span className="rb-step-number" aria-hidden="true">
        {step.order}
      </span>
      <div className="rb-step-body">
        <h4 className="rb-step-title">
          <span className="rb-visually-hidden">Step {step.order}: </span>
          {step.description}
        </h4>
        {(step.requires?.length || step.confirm) && (
          <div className="rb-step-badges">
            {step.confirm && <BreakGlassBadge />}
            <RequiresBadges requires={step.requires} offline={offline} />
          </div>
        )}
        {step.confirm && (
          <div className="rb-callout rb-callout-warn">
            <p>
              <strong>Break-glass.</strong> In a run, type <code>{step.confirm.target}</code> and a reason to unlock this step.
            </p>
            {step.confirm.warning && <p>{step.confirm.warning}</p>}
          </div>
        )}
        {blocked && (
          <div className="rb-callout rb-callout-bad" role="note">
            <p>
              <strong>You are offline</strong> and this step needs {(step.requires ?? []).filter((requirement) => networkRequirements.has(requirement)).join(', ')}.
            </p>
            {step.offlineAlternative ? (
              <p>
                <span className="rb-term">Instead</span> {step.offlineAlternative}
              </p>
            ) : (
              <p className="muted">This runbook gives no offline alternative.</p>
            )}
          </div>
        )}
        {step.command && <CommandBlock command={step.command} copyLabel={`Copy command of step ${step.order}`} />}
        {step.expectedOutcome && (
          <p>
            <span className="rb-term">Expected</span> {step.expectedOutcome}
          </p>
        )}
        {step.expect && (step.expect.exitCode !== undefined || step.expect.output) && (
          <p className="muted">
            Passes when {[step.expect.exitCode !== undefined ? `the exit code is ${step.expect.exitCode}` : '', step.expect.output ? `the output matches /${step.expect.output}/` : ''].filter(Boolean).join(' and ')}.
          </p>
        )}
        {(step.rollbackProcedure || step.rollbackCommand) && (
          <div className="rb-rollback">
            <p>
              <span className="rb-term">Rollback</span> {step.rollbackProcedure ?? 'Run the rollback command.'}
            </p>
            {step.rollbackCommand && <CommandBlock command={step.rollbackCommand} caption="Rollback command" copyLabel={`Copy rollback command of step ${step.order}`} />}
          </div>
        )}
        {step.offlineAlternative && !blocked && (
          <p>
            <span className="rb-term">Offline</span> {step.offlineAlternative}
          </p>
        )}
        {step.notes && <p className="rb-notes">{step.notes}</p>}
        {step.reference && (
          <details className="rb-reference" open>
            <summary>Reference</summary>
            <pre>{step.reference}</pre>
          </details>
        )}
      </div>
    </li>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="rb-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {note && <p className="rb-section-note muted">{note}</p>}
      {children}
    </section>
  );
}

function ContactWay({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span className="rb-selectable">{value}</span>
      </dd>
    </div>
  );
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
