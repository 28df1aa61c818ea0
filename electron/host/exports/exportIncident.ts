// Exports one incident as a post-mortem, an incident-log entry or an evidence bundle. The one entry point
// the console handler and `holdfast incident export` share; every format lands atomically at outPath.
import { join } from 'node:path';
import type { exportFormats } from '../../contract';
import type { IncidentLog } from '../incidentLog';
import { osUserName } from '../osUser';
import { writeTextAtomically } from './atomicFile';
import { safeName } from './bundleFormat';
import { writeEvidenceBundle } from './evidenceBundle';
import { renderIncidentLogEntry } from './incidentLogMarkdown';
import { renderPostmortem } from './postmortemMarkdown';
import { takeSnapshot } from './snapshot';

export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  incidentId: string;
  format: ExportFormat;
  outPath: string;
  onProgress?: (progress: { done: number; total: number; stage: string }) => void;
  /** Recorded in the bundle's manifest; defaults to the OS user (the log's responder name is not exposed). */
  exportedBy?: string;
  /** For tests: the export time. */
  now?: Date;
}

export async function exportIncident(log: IncidentLog, request: ExportRequest): Promise<{ path: string; bytes: number }> {
  const snapshot = takeSnapshot(log, request.incidentId, request.now ?? new Date());
  if (request.format === 'bundle') {
    return writeEvidenceBundle(snapshot, log.evidence.blobs, {
      outPath: request.outPath,
      exportedBy: request.exportedBy ?? osUserName(),
      onProgress: request.onProgress,
    });
  }
  const text = request.format === 'postmortem' ? renderPostmortem(snapshot) : renderIncidentLogEntry(snapshot);
  const total = Buffer.byteLength(text, 'utf8');
  request.onProgress?.({ done: 0, total, stage: 'writing' });
  const written = await writeTextAtomically(request.outPath, text);
  request.onProgress?.({ done: total, total, stage: 'done' });
  return written;
}

const suffixes: Record<ExportFormat, string> = { postmortem: '-postmortem.md', log: '-incident-log.md', bundle: '-evidence.tar.gz' };

/** <dataDir>/exports/<humanId>-postmortem.md, -incident-log.md or -evidence.tar.gz. */
export function defaultExportPath(dataDir: string, humanId: string, format: ExportFormat): string {
  // Human ids are INC-2026-0001-K7Q already; safeName only guards against an odd id from a synced peer.
  return join(dataDir, 'exports', `${safeName(humanId)}${suffixes[format]}`);
}
