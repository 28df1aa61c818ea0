// The evidence bundle: one .tar.gz someone outside Holdfast (an auditor, a customer, a court) can check on
// its own. It holds the incident, the hash-chained timeline, both reports and every evidence blob, plus a
// manifest with the SHA-256 and size of each file. The manifest is the last entry because it is built
// from the hashes taken while the files stream through; evidence is read from the blob store in chunks.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { HoldfastError, type Evidence } from '../../contract';
import type { BlobStore } from '../evidence/blobStore';
import { verifyChains } from '../store/hashChain';
import { writeAtomically } from './atomicFile';
import { bundleFiles, bundleFormatVersion, evidencePath, type BundleManifest, type IncidentDocument, type ManifestFile, type TimelineDocument } from './bundleFormat';
import { renderIncidentLogEntry } from './incidentLogMarkdown';
import { renderPostmortem } from './postmortemMarkdown';
import type { IncidentSnapshot } from './snapshot';
import { tarStream, type TarEntry } from './tarWriter';

export interface ExportProgress {
  /** Bytes of file content archived so far, out of `total`. */
  done: number;
  total: number;
  stage: 'preparing' | 'documents' | 'evidence' | 'finishing' | 'done';
}

export interface BundleRequest {
  outPath: string;
  exportedBy: string;
  onProgress?: (progress: ExportProgress) => void;
}

/** Report progress at most once per this many bytes: often enough for a progress bar, cheap for 8 GiB. */
const progressStepBytes = 1024 * 1024;

interface EvidenceFile {
  sha256: string;
  path: string;
  size: number;
  records: Evidence[];
}

export async function writeEvidenceBundle(snapshot: IncidentSnapshot, blobs: BlobStore, request: BundleRequest): Promise<{ path: string; bytes: number }> {
  const documents = renderDocuments(snapshot);
  const evidence = evidenceFiles(snapshot.evidence, blobs);
  const total = documents.reduce((sum, [, bytes]) => sum + bytes.length, 0) + evidence.reduce((sum, file) => sum + file.size, 0);
  const files: ManifestFile[] = [];
  let done = 0;
  let reported = 0;
  const report = (stage: ExportProgress['stage'], force = false) => {
    if (!request.onProgress || (!force && done - reported < progressStepBytes)) return;
    reported = done;
    request.onProgress({ done, total, stage });
  };
  report('preparing', true);

  // Bodies count their bytes as the tar stream pulls them, so progress follows what was actually written.
  async function* counted(source: AsyncIterable<Uint8Array> | Uint8Array[], stage: ExportProgress['stage']): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      yield chunk;
      done += chunk.length;
      report(stage);
    }
    report(stage, true);
  }

  async function* entries(): AsyncGenerator<TarEntry> {
    for (const [path, bytes] of documents) {
      files.push({ path, sha256: sha256Of(bytes), size: bytes.length });
      yield { path, size: bytes.length, body: () => counted([bytes], 'documents') };
    }
    for (const file of evidence) {
      yield { path: file.path, size: file.size, body: () => counted(blobContent(file, blobs, files), 'evidence') };
    }
    report('finishing', true);
    const manifest: BundleManifest = {
      format: 'holdfast-evidence-bundle',
      formatVersion: bundleFormatVersion,
      incident: { id: snapshot.incident.id, humanId: snapshot.incident.humanId, title: snapshot.incident.title },
      exportedAt: snapshot.exportedAt,
      exportedBy: request.exportedBy,
      files,
    };
    const bytes = jsonBytes(manifest);
    yield { path: bundleFiles.manifest, size: bytes.length, body: bytes };
  }

  const written = await writeAtomically(request.outPath, (tempPath) =>
    pipeline(tarStream(entries(), new Date(snapshot.exportedAt)), createGzip(), createWriteStream(tempPath, { flags: 'wx' })),
  );
  request.onProgress?.({ done, total, stage: 'done' });
  return written;
}

function renderDocuments(snapshot: IncidentSnapshot): [string, Buffer][] {
  const { incident, actionItems, timeline, exportedAt } = snapshot;
  const problems = verifyChains(timeline);
  const timelineDocument: TimelineDocument = {
    incidentId: incident.id,
    humanId: incident.humanId,
    exportedAt,
    chain: { ok: problems.length === 0, eventsChecked: timeline.length, problems },
    events: timeline,
  };
  const incidentDocument: IncidentDocument = { incident, actionItems };
  return [
    [bundleFiles.incident, jsonBytes(incidentDocument)],
    [bundleFiles.timeline, jsonBytes(timelineDocument)],
    [bundleFiles.postmortem, Buffer.from(renderPostmortem(snapshot), 'utf8')],
    [bundleFiles.incidentLog, Buffer.from(renderIncidentLogEntry(snapshot), 'utf8')],
  ];
}

/** One file per distinct content: the blob store keeps identical attachments once, and so does the bundle. */
function evidenceFiles(evidence: Evidence[], blobs: BlobStore): EvidenceFile[] {
  const bySha = new Map<string, Evidence[]>();
  for (const record of evidence) bySha.set(record.sha256, [...(bySha.get(record.sha256) ?? []), record]);
  return [...bySha].map(([sha256, records]) => {
    const first = records[0]!;
    let size: number;
    try {
      size = statSync(blobs.pathOf(sha256)).size;
    } catch {
      throw new HoldfastError('not_found', `Evidence "${first.name}" (sha256 ${sha256}) is missing from the evidence store at ${blobs.pathOf(sha256)}; no bundle was written.`);
    }
    if (size !== first.size) throw damaged(first, `is ${size} bytes, but ${first.size} were recorded`);
    return { sha256, path: evidencePath(sha256, first.name), size, records };
  });
}

/** Streams a blob, hashing as it goes: a blob that no longer matches its name must not go out as evidence. */
async function* blobContent(file: EvidenceFile, blobs: BlobStore, files: ManifestFile[]): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(blobs.pathOf(file.sha256), { highWaterMark: 256 * 1024 })) {
    hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
  const actual = hash.digest('hex');
  if (actual !== file.sha256) throw damaged(file.records[0]!, `now hashes to ${actual}`);
  files.push({ path: file.path, sha256: actual, size: file.size, evidence: file.records });
}

function damaged(record: Evidence, detail: string): HoldfastError {
  return new HoldfastError('conflict', `Evidence "${record.name}" (sha256 ${record.sha256}) is damaged in the evidence store: it ${detail}; no bundle was written.`);
}

function jsonBytes(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
