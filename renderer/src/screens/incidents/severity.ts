// Severity helpers over the playbooks' schemes: the level of an incident, and how urgent it looks.
import { findSeverityScheme, severitySchemes, type SeverityLevel, type SeverityScheme } from '../../../../electron/contract';

export function schemeOf(id: string | undefined): SeverityScheme {
  return findSeverityScheme(id ?? '') ?? severitySchemes[0]!;
}

export function levelOf(schemeId: string, severity: string): SeverityLevel | undefined {
  return schemeOf(schemeId).levels.find((level) => level.id.toLowerCase() === severity.toLowerCase());
}

export type Urgency = 'critical' | 'high' | 'medium' | 'low';

/** First level of a scheme is the most urgent; the badge colour follows its rank. */
export function urgencyOf(schemeId: string, severity: string): Urgency {
  const levels = schemeOf(schemeId).levels;
  const rank = levels.findIndex((level) => level.id.toLowerCase() === severity.toLowerCase());
  if (rank < 0) return 'medium';
  if (levels.length <= 2) return rank === 0 ? 'critical' : 'high';
  return (['critical', 'high', 'medium', 'low'] as const)[Math.min(rank, 3)]!;
}
