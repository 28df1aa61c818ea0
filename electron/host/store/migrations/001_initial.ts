// Schema 1: incidents, their append-only timeline (hash-chained per incident and device), action items,
// evidence metadata, and the full-text index.
import type { Migration } from './migration';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      human_id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      severity_scheme TEXT NOT NULL,
      severity TEXT NOT NULL,
      status TEXT NOT NULL,
      trigger_id TEXT NOT NULL DEFAULT '',
      services TEXT NOT NULL DEFAULT '[]',
      tenants TEXT NOT NULL DEFAULT '[]',
      roles TEXT NOT NULL,
      runbooks TEXT NOT NULL DEFAULT '[]',
      drill INTEGER NOT NULL DEFAULT 0,
      detected_at TEXT NOT NULL,
      acknowledged_at TEXT,
      mitigated_at TEXT,
      resolved_at TEXT,
      closed_at TEXT,
      created_by TEXT NOT NULL,
      device_id TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      postmortem TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incidents_by_status ON incidents (status, detected_at);
    CREATE INDEX incidents_by_updated ON incidents (updated_at);

    CREATE TABLE timeline_events (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      kind TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      author TEXT NOT NULL,
      device_id TEXT NOT NULL,
      data TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX timeline_by_incident ON timeline_events (incident_id, seq);
    CREATE INDEX timeline_chain_head ON timeline_events (incident_id, device_id, seq);

    -- The timeline is append-only: corrections are new events.
    CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline_events
      BEGIN SELECT RAISE(ABORT, 'timeline events are append-only; record a correction instead'); END;
    CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline_events
      BEGIN SELECT RAISE(ABORT, 'timeline events are append-only; record a correction instead'); END;

    CREATE TABLE action_items (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      title TEXT NOT NULL,
      owner TEXT NOT NULL,
      due TEXT,
      priority TEXT NOT NULL,
      done INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX action_items_by_incident ON action_items (incident_id);

    CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      sha256 TEXT NOT NULL,
      name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      source TEXT NOT NULL,
      captured_at TEXT NOT NULL,
      captured_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evidence_by_incident ON evidence (incident_id);
    CREATE INDEX evidence_by_hash ON evidence (sha256);

    -- Full-text search over titles, notes, status updates and text evidence. Filters (status, severity)
    -- stay out of the FTS table and are joined afterwards.
    CREATE VIRTUAL TABLE search_index USING fts5 (
      text,
      incident_id UNINDEXED,
      source_kind UNINDEXED,
      source_id UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
};
