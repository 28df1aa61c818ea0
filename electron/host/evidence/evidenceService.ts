// Adds evidence to an incident: the bytes go to the blob store first (fsynced, content-addressed), then
// one transaction records the metadata, the timeline event and, for text, the search entry. A failure
// before the commit leaves at most an unreferenced blob, never a record pointing at nothing.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Evidence } from '../../contract';
import { newUlid } from '../store/identifiers';
import type { IncidentService } from '../incidents/incidentService';
import type { BlobStore, StoredBlob } from './blobStore';
import { isTextMediaType, mediaTypeFor } from './mediaTypes';

/** How much of a text attachment goes into the search index. */
const indexedTextBytes = 256 * 1024;

export type EvidenceInput =
  | { kind: 'file'; path: string; name?: string; mediaType?: string; source?: Evidence['source'] }
  | { kind: 'bytes'; bytes: Uint8Array; name: string; mediaType?: string; source?: Evidence['source'] };

export class EvidenceService {
  constructor(
    private readonly incidents: IncidentService,
    readonly blobs: BlobStore,
    private readonly maxBytes: () => number,
  ) {}

  async add(idOrHumanId: string, input: EvidenceInput): Promise<Evidence> {
    this.incidents.require(idOrHumanId); // fail fast, before copying bytes
    const stored: StoredBlob = input.kind === 'file' ? await this.blobs.putFile(input.path, this.maxBytes()) : await this.blobs.putBytes(input.bytes, this.maxBytes());
    const name = input.name ?? (input.kind === 'file' ? basename(input.path) : 'attachment');
    const head = this.readHead(stored.sha256, indexedTextBytes);
    const mediaType = input.mediaType ?? mediaTypeFor(name, head.subarray(0, 8192));

    return this.incidents.record(idOrHumanId, (incident, at, author) => {
      const evidence: Evidence = { id: newUlid(), incidentId: incident.id, sha256: stored.sha256, name, mediaType, size: stored.size, source: input.source ?? 'file', capturedAt: at, capturedBy: author };
      this.incidents.store.insertEvidence(evidence);
      this.incidents.append(incident, 'evidence_added', { evidenceId: evidence.id, name, sha256: stored.sha256, size: stored.size, mediaType, source: evidence.source }, at, author);
      if (isTextMediaType(mediaType)) this.incidents.store.indexText(incident.id, 'evidence', evidence.id, `${name}\n${new TextDecoder().decode(head)}`);
      return evidence;
    });
  }

  private readHead(sha256: string, bytes: number): Uint8Array {
    const fd = openSync(this.blobs.pathOf(sha256), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
    } finally {
      closeSync(fd);
    }
  }
}
