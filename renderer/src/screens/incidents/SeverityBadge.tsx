// Severity as a badge, the same wherever a level is shown (incident list and header, runbook library and
// detail): the level's id once (never "Severity Severity 1"), coloured by its tier and marked with bars,
// four for critical down to one for low, so colour is never the only sign and SEV0, P1 and Severity 1
// read alike. Its label, tier and definition on hover.
import { severityTiers } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';
import { correspondenceOf, levelOf } from './severity';
import '../../styles/severity.css';

/** `scheme` when known (an incident's); a runbook names only a level, whose scheme is then looked up. */
export function SeverityBadge({ severity, scheme }: { severity: string; scheme?: string }) {
  const level = levelOf(scheme, severity);
  if (!level) {
    return (
      <span className="severity-badge severity-unknown" title={`${severity}: not a level of any playbook's scheme`}>
        {severity}
      </span>
    );
  }
  const bars = severityTiers.length - severityTiers.indexOf(level.tier);
  return (
    <span className={`severity-badge severity-${level.tier}`} data-tier={level.tier} title={`${level.label} (${level.tier}): ${level.definition}`}>
      <TierBars filled={bars} />
      {level.id}
    </span>
  );
}

/**
 * A level named by a playbook (a trigger's default, a runbook's severity) with what it is in the
 * workspace's scheme when that scheme is another: "SEV-1 (SEV0 in this workspace)".
 */
export function SeverityInWorkspace({ severity }: { severity: string }) {
  const workspaceScheme = useConsole((state) => state.settings?.severityScheme);
  const match = correspondenceOf(severity, workspaceScheme);
  return (
    <span className="severity-in-workspace">
      <SeverityBadge severity={severity} />
      {match.kind === 'mapped' && (
        <span className="severity-match" title={`${match.from.id} is the ${match.from.tier} level of ${match.fromScheme.name}; this workspace's ${match.level.tier} level is ${match.level.label}.`}>
          ({match.level.id} in this workspace)
        </span>
      )}
      {match.kind === 'none' && match.from && <span className="severity-match">(no {match.from.tier} level in this workspace)</span>}
    </span>
  );
}

function TierBars({ filled }: { filled: number }) {
  return (
    <svg className="severity-bars" viewBox="0 0 11 9" width="11" height="9" aria-hidden="true" focusable="false">
      {severityTiers.map((_, index) => (
        <rect key={index} x={index * 3} y={6 - index * 2} width="2" height={3 + index * 2} rx="0.5" className={index < filled ? 'severity-bar-on' : 'severity-bar-off'} />
      ))}
    </svg>
  );
}
