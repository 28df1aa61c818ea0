// Checks an evidence bundle on its own, without the data folder it came from: every file the manifest
// lists is present with its SHA-256 and size, nothing is smuggled in unlisted, each evidence file still
// hashes to the name it carries, and the timeline's hash chain holds. Every finding names the file; a
// damaged archive is a finding too, never an exception, because the user asked "is this intact?".
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { verifyChains, type HashedFields } from '../store/hashChain';
import { bundleFiles, evidencePath, hashInEvidencePath, type BundleManifest, type ManifestFile } from './bundleFormat';
import { TarFormatError } from './tarFormat';
import { readTarGz } from './tarReader';

export interface BundleProblem {
  /** The file inside the bundle (or the bundle itself, for damage to the archive). */
  file: string;
  problem: string;
}

export interface BundleVerdict {
  ok: boolean;
  /** Files read from the archive, the manifest included. */
  filesChecked: number;
  problems: BundleProblem[];
}

interface SeenFile {
  sha256: string;
  size: number;
}

/** The JSON documents are parsed whole; past this they are not something Holdfast wrote. */
const maxDocumentBytes = 256 * 1024 * 1024;
const keptDocuments = new Set<string>([bundleFiles.manifest, bundleFiles.timeline]);

export async function verifyBundle(path: string): Promise<BundleVerdict> {
  const problems: BundleProblem[] = [];
  const report = (file: string, problem: string) => {
    if (!problems.some((known) => known.file === file && known.problem === problem)) problems.push({ file, problem });
  };
  const seen = new Map<string, SeenFile>();
  const documents = new Map<string, Buffer | 'too large'>();

  try {
    await readTarGz(path, (entry) => {
      if (entry.type === '5') return undefined; // folders carry no content; a re-packing tool may add them
      if (entry.type !== '0' && entry.type !== '7') {
        report(entry.path, `unexpected entry type "${entry.type}" (a bundle holds regular files only)`);
        return undefined;
      }
      if (seen.has(entry.path)) report(entry.path, 'appears more than once in the archive');
      const hash = createHash('sha256');
      const kept: Buffer[] | undefined = keptDocuments.has(entry.path) ? [] : undefined;
      let size = 0;
      return {
        data(chunk) {
          hash.update(chunk);
          size += chunk.length;
          if (kept && size <= maxDocumentBytes) kept.push(Buffer.from(chunk));
        },
        end() {
          seen.set(entry.path, { sha256: hash.digest('hex'), size });
          if (kept) documents.set(entry.path, size <= maxDocumentBytes ? Buffer.concat(kept) : 'too large');
        },
      };
    });
  } catch (error) {
    // Past damage to the archive nothing later can be trusted, so this is the one finding.
    const reason = error instanceof TarFormatError ? error.message : `cannot be read (${(error as Error).message})`;
    return { ok: false, filesChecked: seen.size, problems: [{ file: basename(path), problem: reason }] };
  }

  const manifest = parseManifest(documents.get(bundleFiles.manifest), report);
  if (manifest) checkAgainstManifest(manifest, seen, report);
  for (const required of Object.values(bundleFiles)) {
    const alreadyReported = problems.some((known) => known.file === required);
    if (!seen.has(required) && !alreadyReported) report(required, 'missing from the bundle');
  }
  checkEvidenceNames(seen, report);
  checkTimeline(documents.get(bundleFiles.timeline), manifest, seen, report);
  return { ok: problems.length === 0, filesChecked: seen.size, problems };
}

type Report = (file: string, problem: string) => void;

function parseJson(bytes: Buffer | 'too large' | undefined, file: string, report: Report): unknown {
  if (bytes === undefined) return undefined; // reported as missing by the caller
  if (bytes === 'too large') {
    report(file, `is larger than ${maxDocumentBytes} bytes; too large to check`);
    return undefined;
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    report(file, `is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function parseManifest(bytes: Buffer | 'too large' | undefined, report: Report): BundleManifest | undefined {
  const value = parseJson(bytes, bundleFiles.manifest, report) as Partial<BundleManifest> | undefined;
  if (value === undefined) return undefined;
  const valid = Array.isArray(value.files) && value.files.every((file: Partial<ManifestFile>) => file && typeof file.path === 'string' && typeof file.sha256 === 'string' && typeof file.size === 'number');
  if (!valid) {
    report(bundleFiles.manifest, 'does not list the files as {path, sha256, size}');
    return undefined;
  }
  return value as BundleManifest;
}

function checkAgainstManifest(manifest: BundleManifest, seen: Map<string, SeenFile>, report: Report): void {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) report(file.path, 'is listed twice in the manifest');
    listed.add(file.path);
    const actual = seen.get(file.path);
    if (!actual) {
      report(file.path, 'is listed in the manifest but missing from the archive');
      continue;
    }
    if (actual.size !== file.size) report(file.path, `is ${actual.size} bytes; the manifest says ${file.size}`);
    if (actual.sha256 !== file.sha256) report(file.path, `content does not match the manifest (sha256 ${actual.sha256}, manifest says ${file.sha256})`);
    for (const record of Array.isArray(file.evidence) ? file.evidence : []) {
      if (record?.sha256 !== file.sha256) report(file.path, `the manifest's evidence record "${String(record?.name)}" names a different sha256 (${String(record?.sha256)})`);
    }
  }
  for (const path of seen.keys()) {
    if (path !== bundleFiles.manifest && !listed.has(path)) report(path, 'is in the archive but not listed in the manifest');
  }
}

function checkEvidenceNames(seen: Map<string, SeenFile>, report: Report): void {
  for (const [path, file] of seen) {
    if (!path.startsWith('evidence/')) continue;
    const claimed = hashInEvidencePath(path);
    if (!claimed) report(path, 'evidence file name does not start with its sha256');
    else if (claimed !== file.sha256) report(path, `content hashes to ${file.sha256}, not the sha256 in its name`);
  }
}

/** The chain must verify now, and every evidence the (verified) timeline recorded must be in the bundle. */
function checkTimeline(bytes: Buffer | 'too large' | undefined, manifest: BundleManifest | undefined, seen: Map<string, SeenFile>, report: Report): void {
  const file = bundleFiles.timeline;
  const document = parseJson(bytes, file, report) as { incidentId?: unknown; events?: unknown } | undefined;
  if (document === undefined) return;
  const events = document.events;
  if (!Array.isArray(events) || !events.every(isHashedEvent)) {
    report(file, 'does not hold a list of timeline events with their hashes');
    return;
  }
  for (const problem of verifyChains(events)) report(file, `event #${problem.seq} (${problem.eventId}): ${problem.problem}`);
  if (manifest?.incident && document.incidentId !== manifest.incident.id) report(file, `belongs to incident ${String(document.incidentId)}, but the manifest is for ${String(manifest.incident.id)}`);
  const bundled = new Set([...seen.keys()].map(hashInEvidencePath).filter(Boolean));
  for (const event of events) {
    if (event.kind !== 'evidence_added') continue;
    const data = event.data as { sha256?: unknown; name?: unknown };
    if (typeof data.sha256 === 'string' && !bundled.has(data.sha256)) {
      report(evidencePath(data.sha256, typeof data.name === 'string' ? data.name : 'evidence'), `is missing: the timeline records evidence "${String(data.name)}" with this hash (event #${event.seq})`);
    }
  }
}

function isHashedEvent(value: unknown): value is HashedFields & { seq: number; hash: string } {
  if (!value || typeof value !== 'object') return false;
  const event = value as Record<string, unknown>;
  const strings = ['id', 'incidentId', 'kind', 'occurredAt', 'author', 'deviceId', 'prevHash', 'hash'];
  return strings.every((key) => typeof event[key] === 'string') && typeof event.seq === 'number' && event.data !== null && typeof event.data === 'object';
}
