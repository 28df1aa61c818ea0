// The console and the CLI (or a second console) may write the same data dir at once. SQLite keeps that
// safe; this makes it visible: when another connection commits, the events it appended are announced to
// the renderers as if this host had written them, so an open incident view never goes stale.
import type { EventHub } from '../eventHub';
import type { IncidentStore } from '../store/incidentStore';

/**
 * Reads the timeline in seq order from where it last stopped and announces the rows this host did not.
 *
 * This host's own rows were announced when they committed; they are recognised by id as the read meets
 * them, never by jumping the read position ahead: another connection may have committed an earlier row
 * that is not read yet (a CLI note just before a console note, both between two polls), and a jump would
 * hide it for good.
 */
export class ExternalChangeWatcher {
  /** PRAGMA data_version when the timeline was last read: it moves only when another connection commits. */
  private readVersion: number;
  /** Every row up to this seq has been read: announced, or skipped as this host's own. */
  private readThroughSeq: number;
  /** This host's announced rows not read past yet (id → seq), so the read can skip them. */
  private readonly ownRowsAhead = new Map<string, number>();
  private readonly stopListening: () => void;

  constructor(
    private readonly store: IncidentStore,
    private readonly events: EventHub,
  ) {
    this.readVersion = store.dataVersion();
    this.readThroughSeq = store.latestSeq();
    this.stopListening = events.subscribe((event) => {
      // Rows at or below readThroughSeq are behind the read already (the ones poll itself announces).
      if (event.event === 'timeline.appended' && event.payload.seq > this.readThroughSeq) {
        this.ownRowsAhead.set(event.payload.id, event.payload.seq);
      }
    });
  }

  /** How many of this host's rows are remembered until the read passes them: bounded by one poll's worth. */
  get ownRowsAwaitingRead(): number {
    return this.ownRowsAhead.size;
  }

  /** Announces what other connections committed since the last poll. Throws if the database is busy; call again. */
  poll(): void {
    const version = this.store.dataVersion();
    // Another connection committed, or this host wrote rows the read must pass to stop remembering them
    // (data_version does not move for a connection's own commits, so that alone would never come).
    if (version === this.readVersion && this.ownRowsAhead.size === 0) return;
    const touchedIncidents = new Set<string>();
    for (let batch = this.store.eventsAfter(this.readThroughSeq); batch.length > 0; batch = this.store.eventsAfter(this.readThroughSeq)) {
      for (const row of batch) {
        this.readThroughSeq = row.seq;
        if (this.ownRowsAhead.delete(row.id)) continue;
        this.events.emit('timeline.appended', row);
        touchedIncidents.add(row.incidentId);
      }
    }
    // Only now: a read cut short by a busy database is picked up again on the next poll.
    this.readVersion = version;
    this.forgetRowsReadPast();
    for (const incidentId of touchedIncidents) {
      const incident = this.store.findIncident(incidentId);
      if (incident) this.events.emit('incident.changed', { incidentId, humanId: incident.humanId });
    }
  }

  stop(): void {
    this.stopListening();
  }

  /**
   * A row announced but never met by the read did not commit (announced by mistake before a rollback);
   * SQLite hands its seq to the next row, so once the read is past that seq it can only be forgotten.
   */
  private forgetRowsReadPast(): void {
    for (const [id, seq] of this.ownRowsAhead) {
      if (seq <= this.readThroughSeq) this.ownRowsAhead.delete(id);
    }
  }
}

/** Polls for other connections' changes every intervalMs until the returned function is called. */
export function watchExternalChanges(store: IncidentStore, events: EventHub, intervalMs = 1000): () => void {
  const watcher = new ExternalChangeWatcher(store, events);
  const timer = setInterval(() => {
    try {
      watcher.poll();
    } catch {
      // A busy or briefly locked database is retried on the next tick.
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    watcher.stop();
  };
}
