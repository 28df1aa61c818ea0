// What an evidence bundle contains, shared by the writer and the verifier so the two cannot drift apart.
import type { ActionItem, Evidence, Incident, TimelineEvent } from '../../contract';
import type { ChainProblem } from '../store/hashChain';

/** Bumped when the layout changes in a way an older verifier would misread. */
export const bundleFormatVersion = 1;

export const bundleFiles = {
  manifest: 'manifest.json',
  timeline: 'timeline.json',
  incident: 'incident.json',
  postmortem: 'postmortem.md',
  incidentLog: 'incident-log.md',
} as const;

export const evidenceFolder = 'evidence/';

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  /** For evidence files: every evidence record of the incident with this content (the same bytes attached twice are stored once). */
  evidence?: Evidence[];
}

export interface BundleManifest {
  format: 'holdfast-evidence-bundle';
  formatVersion: number;
  incident: { id: string; humanId: string; title: string };
  exportedAt: string;
  exportedBy: string;
  /** Every file in the bundle except this manifest. */
  files: ManifestFile[];
}

export interface TimelineDocument {
  incidentId: string;
  humanId: string;
  exportedAt: string;
  /** verifyChains over the events at export time: a bundle taken from an already-broken log says so. */
  chain: { ok: boolean; eventsChecked: number; problems: ChainProblem[] };
  events: TimelineEvent[];
}

export interface IncidentDocument {
  incident: Incident;
  actionItems: ActionItem[];
}

/** Longest readable name kept after the hash, so `evidence/<sha256>-<name>` fits ustar's 100-byte name field. */
const maxSafeNameLength = 100 - 64 - 1;

export function evidencePath(sha256: string, name: string): string {
  return `${evidenceFolder}${sha256}-${safeName(name)}`;
}

/**
 * A file name that is safe on every OS and in every tar: ASCII letters, digits, dot, dash and underscore;
 * no leading dot (hidden files); shortened from the middle so the extension survives.
 */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents split off by NFKD: "Ü" keeps its "U" instead of becoming "_"
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .replace(/_+/g, '_');
  const base = cleaned || 'evidence';
  if (base.length <= maxSafeNameLength) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, maxSafeNameLength - extension.length) + extension;
}

/** The hash an evidence file's name claims, or undefined when the name does not follow the layout. */
export function hashInEvidencePath(path: string): string | undefined {
  return /^evidence\/([0-9a-f]{64})-[^/]+$/.exec(path)?.[1];
}
