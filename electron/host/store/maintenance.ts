// Housekeeping the database needs, done when nobody is waiting for it: copying the write-ahead log back
// into the database file (checkpoint) and merging full-text index segments. Inside a commit, either one
// turns a sub-millisecond note into a many-millisecond one.
import type { IncidentStore } from './incidentStore';

export interface MaintenanceOptions {
  /** How often to look for idle time. */
  intervalMs?: number;
  /** How long since the last write counts as idle. */
  idleMs?: number;
  /** FTS5 merge effort per idle tick (pages); small steps keep each tick short. */
  mergePages?: number;
}

export function scheduleIdleMaintenance(store: IncidentStore, options: MaintenanceOptions = {}): { stop(): void; runNow(): void } {
  const idleMs = options.idleMs ?? 750;
  let maintainedAt = 0;
  const runNow = () => {
    store.db.pragma('wal_checkpoint(PASSIVE)');
    store.db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)`).run(options.mergePages ?? 64);
    maintainedAt = Date.now();
  };
  const timer = setInterval(() => {
    const lastWrite = store.lastWriteAt;
    if (lastWrite <= maintainedAt || Date.now() - lastWrite < idleMs) return;
    try {
      runNow();
    } catch {
      // Busy (another process is writing): try again on a later tick.
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow };
}
