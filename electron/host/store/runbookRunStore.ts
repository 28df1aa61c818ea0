// SQL for guided runbook runs (see migrations/003_runbook_runs.ts).
import type { RunbookRun } from '../../contract';
import type { Db } from './database';

interface RunRow {
  id: string;
  incident_id: string;
  runbook_id: string;
  runbook: string;
  variables: string;
  started_at: string;
  started_by: string;
}

interface ItemRow {
  run_id: string;
  item_key: string;
  state: string;
  reason: string | null;
  at: string;
  by: string;
}

export class RunbookRunStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertRun: db.prepare('INSERT INTO runbook_runs (id, incident_id, runbook_id, runbook, variables, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      setVariables: db.prepare('UPDATE runbook_runs SET variables = ? WHERE id = ?'),
      run: db.prepare<[string], RunRow>('SELECT * FROM runbook_runs WHERE id = ?'),
      runsFor: db.prepare<[string], RunRow>('SELECT * FROM runbook_runs WHERE incident_id = ? ORDER BY started_at'),
      items: db.prepare<[string], ItemRow>('SELECT * FROM runbook_run_items WHERE run_id = ?'),
      setItem: db.prepare(
        `INSERT INTO runbook_run_items (run_id, item_key, state, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, item_key) DO UPDATE SET state = excluded.state, reason = excluded.reason, at = excluded.at, by = excluded.by`,
      ),
    };
  }

  insertRun(run: RunbookRun): void {
    this.statements.insertRun.run(run.id, run.incidentId, run.runbookId, JSON.stringify(run.runbook), JSON.stringify(run.variables), run.startedAt, run.startedBy);
  }

  /** The run's non-secret variable values, all of them (secret values are never stored). */
  setVariables(runId: string, variables: Record<string, string>): void {
    this.statements.setVariables.run(JSON.stringify(variables), runId);
  }

  setItem(runId: string, key: string, status: RunbookRun['items'][string]): void {
    this.statements.setItem.run(runId, key, status.state, status.reason ?? null, status.at, status.by);
  }

  find(runId: string): RunbookRun | undefined {
    const row = this.statements.run.get(runId);
    return row && this.withItems(row);
  }

  runsFor(incidentId: string): RunbookRun[] {
    return this.statements.runsFor.all(incidentId).map((row) => this.withItems(row));
  }

  private withItems(row: RunRow): RunbookRun {
    const items: RunbookRun['items'] = {};
    for (const item of this.statements.items.all(row.id)) {
      items[item.item_key] = { state: item.state as RunbookRun['items'][string]['state'], ...(item.reason ? { reason: item.reason } : {}), at: item.at, by: item.by };
    }
    return { id: row.id, incidentId: row.incident_id, runbookId: row.runbook_id, runbook: JSON.parse(row.runbook), variables: JSON.parse(row.variables), startedAt: row.started_at, startedBy: row.started_by, items };
  }
}
