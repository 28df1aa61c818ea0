// Every schema version, in order. A new version is one new file here; old files never change, because
// users' databases were built by them.
import { initialSchema } from './001_initial';
import { ftsMergeWhenIdle } from './002_fts_merge_when_idle';
import { runbookRuns } from './003_runbook_runs';
import type { Migration } from './migration';

export const migrations: Migration[] = [initialSchema, ftsMergeWhenIdle, runbookRuns];
export const latestSchemaVersion = migrations.at(-1)!.version;
export type { Migration };
