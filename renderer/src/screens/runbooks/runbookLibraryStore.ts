// State of the Runbooks screen: the search, its results, the files with problems and the open runbook. Kept
// in a store so switching screens and back keeps the responder's place. Follows `runbooks.changed`.
import { errorMessage } from '../../../../electron/contract';
import { create } from 'zustand';
import type { LibraryRunbook, RunbookFileReport, RunbookSummary } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';

interface LibraryState {
  query: string;
  runbooks: RunbookSummary[];
  /** Every runbook, unfiltered: for counting per folder. */
  all: RunbookSummary[];
  problems: RunbookFileReport[];
  loaded: boolean;
  loading: boolean;
  error?: string;
  selectedId?: string;
  selected?: LibraryRunbook;
  selectedError?: string;
  setQuery(query: string): void;
  /** Re-runs the search; `reopen` also re-reads the open runbook (its file changed on disk). */
  refresh(reopen?: boolean): Promise<void>;
  reload(): Promise<string>;
  open(id: string | undefined): Promise<void>;
}

let searchTimer: number | undefined;
let requestSeq = 0;

export const useRunbookLibrary = create<LibraryState>((set, get) => ({
  query: '',
  runbooks: [],
  all: [],
  problems: [],
  loaded: false,
  loading: false,
  setQuery(query) {
    set({ query });
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => void get().refresh(), 120);
  },
  async refresh(reopen = false) {
    const seq = ++requestSeq;
    const query = get().query.trim();
    set({ loading: true });
    try {
      const [found, everything] = await Promise.all([
        hostClient.call('runbooks.list', query ? { query } : {}),
        query ? hostClient.call('runbooks.list', {}) : undefined,
      ]);
      if (seq !== requestSeq) return;
      set({ runbooks: found.runbooks, all: (everything ?? found).runbooks, problems: found.problems, loaded: true, loading: false, error: undefined });
      const { selectedId, selected } = get();
      // The open runbook's file may have changed on disk: show the new version (or say it is gone).
      if (reopen && selectedId && selected) {
        const summary = (everything ?? found).runbooks.find((candidate) => candidate.id === selectedId);
        if (!summary) set({ selected: undefined, selectedError: `Runbook "${selectedId}" is no longer in the library.` });
        else void get().open(selectedId);
      }
    } catch (error) {
      if (seq === requestSeq) set({ loading: false, loaded: true, error: errorMessage(error) });
    }
  },
  async reload() {
    const counts = await hostClient.call('runbooks.reload', {});
    await get().refresh(true);
    return `${counts.runbooks} runbook${counts.runbooks === 1 ? '' : 's'} loaded${counts.filesWithProblems ? `, ${counts.filesWithProblems} file${counts.filesWithProblems === 1 ? '' : 's'} with problems` : ''}.`;
  },
  async open(id) {
    if (!id) {
      set({ selectedId: undefined, selected: undefined, selectedError: undefined });
      return;
    }
    const keep = get().selected?.id === id ? get().selected : undefined;
    set({ selectedId: id, selected: keep, selectedError: undefined });
    try {
      const runbook = await hostClient.call('runbooks.get', { id });
      if (get().selectedId === id) set({ selected: runbook });
    } catch (error) {
      if (get().selectedId === id) set({ selected: undefined, selectedError: errorMessage(error) });
    }
  },
}));

/** Loads the library once and follows changes on disk and to the folder list; returns the unsubscribe. */
export function followRunbookLibrary(): () => void {
  void useRunbookLibrary.getState().refresh();
  return hostClient.on('runbooks.changed', () => void useRunbookLibrary.getState().refresh(true));
}
