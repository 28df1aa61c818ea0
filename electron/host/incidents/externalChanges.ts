// The console and the CLI (or a second console) may write the same data dir at once. SQLite keeps that
// safe; this makes it visible: when another connection commits, the events it appended are announced to
// the renderers as if this host had written them, so an open incident view never goes stale.
import type { EventHub } from '../eventHub';
import type { IncidentStore } from '../store/incidentStore';

export function watchExternalChanges(store: IncidentStore, events: EventHub, intervalMs = 1000): () => void {
  let version = store.dataVersion();
  let lastSeq = store.latestSeq();
  const announcedHere = new Set<string>();
  const stopListening = events.subscribe((event) => {
    if (event.event !== 'timeline.appended') return;
    announcedHere.add(event.payload.id);
    lastSeq = Math.max(lastSeq, event.payload.seq);
  });

  const check = () => {
    const current = store.dataVersion();
    if (current === version) return;
    version = current;
    const touched = new Map<string, string>();
    for (let batch = store.eventsAfter(lastSeq); batch.length > 0; batch = store.eventsAfter(lastSeq)) {
      for (const event of batch) {
        lastSeq = event.seq;
        if (announcedHere.delete(event.id)) continue;
        events.emit('timeline.appended', event);
        touched.set(event.incidentId, event.incidentId);
      }
    }
    for (const incidentId of touched.keys()) {
      const incident = store.findIncident(incidentId);
      if (incident) events.emit('incident.changed', { incidentId, humanId: incident.humanId });
    }
  };
  const timer = setInterval(() => {
    try {
      check();
    } catch {
      // A busy or briefly locked database is retried on the next tick.
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
