// Severity helpers over the playbooks' schemes: the level of an incident, its tier (what gives a badge its
// colour and its bars), how a level of another scheme reads in the workspace's scheme, and the severity
// filter's choices.
import {
  correspondingSeverityLevel,
  findSeverityLevel,
  findSeverityScheme,
  severitySchemes,
  type SeverityLevel,
  type SeverityScheme,
  type SeverityTier,
} from '../../../../electron/contract';

export function schemeOf(id: string | undefined): SeverityScheme {
  return findSeverityScheme(id ?? '') ?? severitySchemes[0]!;
}

/** The level of a scheme; without a known scheme (a runbook names only a level), whichever scheme has it. */
export function levelOf(schemeId: string | undefined, severity: string): SeverityLevel | undefined {
  const scheme = findSeverityScheme(schemeId ?? '');
  if (scheme) return scheme.levels.find((level) => level.id.toLowerCase() === severity.trim().toLowerCase());
  return findSeverityLevel(severity)?.level;
}

/** A level's tier; a level no scheme knows reads as medium (neither alarming nor dismissed). */
export function tierOf(schemeId: string | undefined, severity: string): SeverityTier {
  return levelOf(schemeId, severity)?.tier ?? 'medium';
}

/**
 * How a level named by a playbook (a trigger's default, a runbook's severity) reads in the workspace's
 * scheme: `same` when it is one of the scheme's own levels, `mapped` to the level of the same tier, or
 * `none` when the scheme has no level of that tier, or the level is unknown.
 */
export type Correspondence =
  | { kind: 'same'; level: SeverityLevel }
  | { kind: 'mapped'; level: SeverityLevel; from: SeverityLevel; fromScheme: SeverityScheme }
  | { kind: 'none'; from?: SeverityLevel; fromScheme?: SeverityScheme };

export function correspondenceOf(severity: string, workspaceSchemeId: string | undefined): Correspondence {
  const scheme = schemeOf(workspaceSchemeId);
  const found = findSeverityLevel(severity);
  if (!found) return { kind: 'none' };
  const level = correspondingSeverityLevel(severity, scheme.id);
  if (!level) return { kind: 'none', from: found.level, fromScheme: found.scheme };
  if (found.scheme.id === scheme.id) return { kind: 'same', level };
  return { kind: 'mapped', level, from: found.level, fromScheme: found.scheme };
}

export interface SeverityFilterChoices {
  /** The workspace scheme's levels, offered first and by themselves: what new incidents use. */
  workspace: { scheme: SeverityScheme; levels: SeverityLevel[] };
  /** The other playbooks' schemes, each under its own name (older incidents, other devices, the CLI). */
  others: { scheme: SeverityScheme; levels: SeverityLevel[] }[];
}

export function severityFilterChoices(workspaceSchemeId: string | undefined): SeverityFilterChoices {
  const workspace = schemeOf(workspaceSchemeId);
  return {
    workspace: { scheme: workspace, levels: workspace.levels },
    others: severitySchemes.filter((scheme) => scheme.id !== workspace.id).map((scheme) => ({ scheme, levels: scheme.levels })),
  };
}

/** An option's text: the level's id with its tier, in the same words for every scheme ("P1 · critical"). */
export function levelChoiceText(level: SeverityLevel): string {
  return `${level.id} · ${level.tier}`;
}
