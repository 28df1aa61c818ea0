// The runbook library: the runbooks shipped with Holdfast plus the user's folders (often a git checkout of
// the team's runbook repo), loaded from local files so listing, searching and opening work offline.
// Folders are watched; a broken file is listed with its problems and never hides the rest of the library.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { HoldfastError, type LibraryRunbook, type RunbookFileReport, type RunbookSummary } from '../../contract';
import { findRunbookFiles, loadRunbookFile } from './runbookFile';

export interface RunbookFolder {
  path: string;
  origin: LibraryRunbook['source']['origin'];
}



export class RunbookLibrary {
  private runbooks = new Map<string, LibraryRunbook>();
  private reports: RunbookFileReport[] = [];
  private watchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private loaded = false;

  /** Reads the folders on first use, not at construction: the console's first paint does not wait for them. */
  constructor(
    private readonly folders: () => RunbookFolder[],
    private readonly onChange: (counts: { runbooks: number; filesWithProblems: number }) => void = () => {},
  ) {}

  private ensureLoaded(): void {
    if (!this.loaded) this.reload();
  }

  /** Re-reads every folder. Later folders do not override earlier ones: a duplicate id is a problem. */
  reload(): void {
    const runbooks = new Map<string, LibraryRunbook>();
    const reports: RunbookFileReport[] = [];
    for (const folder of this.folders().filter((candidate) => existsSync(candidate.path))) {
      for (const path of findRunbookFiles([folder.path])) {
        const loaded = loadRunbookFile(path);
        const problems = [...loaded.problems];
        if (loaded.runbook) {
          const existing = runbooks.get(loaded.runbook.id);
          if (existing) {
            problems.push({ path, line: 1, column: 1, message: `runbook id "${loaded.runbook.id}" is already used by ${existing.source.path}; this file was not loaded` });
          } else {
            const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
            runbooks.set(loaded.runbook.id, { ...loaded.runbook, source: { path, format: loaded.format === 'markdown' ? 'markdown' : 'yaml', origin: folder.origin, sha256 } });
          }
        }
        if (problems.length) reports.push({ path, origin: folder.origin, problems });
      }
    }
    this.runbooks = runbooks;
    this.reports = reports;
    this.loaded = true;
  }

  /** Watches every folder and reloads (debounced) when a file changes; a git pull lands as one reload. */
  watch(): void {
    this.unwatch();
    for (const folder of this.folders().filter((candidate) => existsSync(candidate.path))) {
      try {
        const watcher = watch(folder.path, { recursive: true }, () => this.scheduleReload());
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A folder that cannot be watched (a network mount) is still read at start and on request.
      }
    }
  }

  unwatch(): void {
    this.watchers.forEach((watcher) => watcher.close());
    this.watchers = [];
    clearTimeout(this.reloadTimer);
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reload();
      this.onChange(this.counts());
    }, 300);
    this.reloadTimer.unref();
  }

  get(id: string): LibraryRunbook | undefined {
    this.ensureLoaded();
    return this.runbooks.get(id);
  }

  require(id: string): LibraryRunbook {
    this.ensureLoaded();
    const runbook = this.runbooks.get(id);
    if (!runbook) throw new HoldfastError('not_found', `No runbook "${id}" in the library.`);
    return runbook;
  }

  counts(): { runbooks: number; filesWithProblems: number } {
    this.ensureLoaded();
    return { runbooks: this.runbooks.size, filesWithProblems: this.reports.length };
  }

  problems(): RunbookFileReport[] {
    this.ensureLoaded();
    return this.reports;
  }

  list(): RunbookSummary[] {
    this.ensureLoaded();
    return [...this.runbooks.values()].map(summarise).sort((a, b) => a.title.localeCompare(b.title));
  }

  /** Runbooks linked to an alert or trigger ID (a page's trigger → the runbook to start). */
  forTrigger(triggerId: string): RunbookSummary[] {
    const wanted = triggerId.trim().toLowerCase();
    return this.list().filter((summary) => summary.triggers.some((trigger) => trigger.toLowerCase() === wanted));
  }

  /** Every word must appear in the title, id, triggers, tags, scenario or step text; title hits rank first. */
  search(query: string): RunbookSummary[] {
    this.ensureLoaded();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return this.list();
    const scored: { summary: RunbookSummary; score: number }[] = [];
    for (const runbook of this.runbooks.values()) {
      const head = [runbook.title, runbook.id, ...(runbook.triggers ?? []).map((trigger) => trigger.id), ...(runbook.tags ?? [])].join(' ').toLowerCase();
      const body = [runbook.scenario ?? '', ...runbook.steps.flatMap((step) => [step.description, step.command ?? '', step.notes ?? '', step.reference ?? ''])].join(' ').toLowerCase();
      if (!words.every((word) => head.includes(word) || body.includes(word))) continue;
      scored.push({ summary: summarise(runbook), score: words.filter((word) => head.includes(word)).length });
    }
    return scored.sort((a, b) => b.score - a.score || a.summary.title.localeCompare(b.summary.title)).map((entry) => entry.summary);
  }
}

function summarise(runbook: LibraryRunbook): RunbookSummary {
  return {
    id: runbook.id,
    title: runbook.title,
    scenario: runbook.scenario,
    severity: runbook.severity,
    tags: runbook.tags ?? [],
    triggers: (runbook.triggers ?? []).map((trigger) => trigger.id),
    stepCount: runbook.steps.length,
    origin: runbook.source.origin,
    path: runbook.source.path,
  };
}
