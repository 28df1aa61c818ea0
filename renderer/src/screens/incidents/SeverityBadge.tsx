// Severity as a badge: the level's id, coloured by its rank in the scheme, its definition on hover.
import { levelOf, urgencyOf } from './severity';

export function SeverityBadge({ scheme, severity }: { scheme: string; severity: string }) {
  const level = levelOf(scheme, severity);
  return (
    <span className={`inc-badge severity-badge urgency-${urgencyOf(scheme, severity)}`} title={level ? `${level.label}: ${level.definition}` : severity}>
      {severity}
    </span>
  );
}
