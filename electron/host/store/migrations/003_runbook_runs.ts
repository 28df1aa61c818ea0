// Schema 3: guided runbook runs inside incidents, and the latest state of each checklist item.
// (The full history of every item is on the incident's timeline.)
import type { Migration } from './migration';

export const runbookRuns: Migration = {
  version: 3,
  name: 'runbook-runs',
  up: `
    CREATE TABLE runbook_runs (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      runbook_id TEXT NOT NULL,
      runbook TEXT NOT NULL,
      variables TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX runbook_runs_by_incident ON runbook_runs (incident_id, started_at);

    CREATE TABLE runbook_run_items (
      run_id TEXT NOT NULL REFERENCES runbook_runs (id),
      item_key TEXT NOT NULL,
      state TEXT NOT NULL,
      reason TEXT,
      at TEXT NOT NULL,
      by TEXT NOT NULL,
      PRIMARY KEY (run_id, item_key)
    ) STRICT;
  `,
};
