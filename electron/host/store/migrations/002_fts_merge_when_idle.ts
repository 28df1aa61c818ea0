// Schema 2: full-text index segments are merged in idle time (see store/maintenance.ts), not inside the
// commit that happened to cross a merge threshold: that merge was the slowest part of a note's append.
import type { Migration } from './migration';

export const ftsMergeWhenIdle: Migration = {
  version: 2,
  name: 'fts-merge-when-idle',
  up: `INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);`,
};
