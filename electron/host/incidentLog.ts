// Opens the incident log of a data dir: the database, the evidence blobs and the services over them.
// Shared by the host (console) and the CLI, which use the same files concurrently.
import type { EventHub } from './eventHub';
import { BlobStore } from './evidence/blobStore';
import { EvidenceService } from './evidence/evidenceService';
import { IncidentService } from './incidents/incidentService';
import { osUserName } from './osUser';
import { databasePath, openDatabase } from './store/database';
import { IncidentStore } from './store/incidentStore';
import { scheduleIdleMaintenance } from './store/maintenance';

export interface IncidentLogOptions {
  dataDir: string;
  settings: () => { responderName: string; severityScheme: string; maxAttachmentMiB: number };
  events?: EventHub;
  sqliteNativeBinding?: string;
  now?: () => Date;
}

export interface IncidentLog {
  dataDir: string;
  /** Who is acting: the responder's name from settings, else the OS user. */
  author(): string;
  incidents: IncidentService;
  evidence: EvidenceService;
  close(): void;
}

export function openIncidentLog(options: IncidentLogOptions): IncidentLog {
  const db = openDatabase(databasePath(options.dataDir), { nativeBinding: options.sqliteNativeBinding });
  const store = new IncidentStore(db);
  const author = () => options.settings().responderName || osUserName();
  const incidents = new IncidentService({
    store,
    events: options.events,
    author,
    defaultSeverityScheme: () => options.settings().severityScheme,
    now: options.now,
  });
  const evidence = new EvidenceService(incidents, new BlobStore(options.dataDir), () => options.settings().maxAttachmentMiB * 1024 * 1024);
  const maintenance = scheduleIdleMaintenance(store);
  const close = () => {
    maintenance.stop();
    try {
      maintenance.runNow(); // leave a short log behind, even after a quick CLI command
    } catch {
      // Another process holds the database; it will checkpoint.
    }
    db.close();
  };
  return { dataDir: options.dataDir, author, incidents, evidence, close };
}
