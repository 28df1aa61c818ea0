// The library column: one search box (title, id, trigger ID, tag, step text), the matching runbooks, and
// the files that could not be loaded, each problem as path:line:col so it can be fixed in an editor.
import { useId, useRef, type KeyboardEvent, type Ref } from 'react';
import type { RunbookFileReport } from '../../../../electron/contract';
import { SeverityBadge } from '../incidents/SeverityBadge';
import { OriginBadge } from './RunbookParts';
import { useRunbookLibrary } from './runbookLibraryStore';

export function RunbookLibrary({ onShowProblems }: { onShowProblems: () => void }) {
  const { query, runbooks, problems, loaded, loading, error, selectedId, setQuery, open } = useRunbookLibrary();
  const searchId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  const focusItem = (index: number) => {
    const items = listRef.current?.querySelectorAll<HTMLButtonElement>('.rb-list-item');
    if (!items?.length) return;
    items[Math.max(0, Math.min(items.length - 1, index))]!.focus();
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'Enter' && runbooks[0]) {
      event.preventDefault();
      void open(runbooks[0].id);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.rb-list-item') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0) document.getElementById(searchId)?.focus();
      else focusItem(moves[event.key]!);
    }
  };

  const countText = !loaded ? 'Loading the library…' : `${runbooks.length} runbook${runbooks.length === 1 ? '' : 's'}${query.trim() ? ` match “${query.trim()}”` : ' in the library'}`;

  return (
    <div className="rb-library">
      <div className="rb-search" role="search">
        <label htmlFor={searchId} className="rb-label">
          Search runbooks
        </label>
        <input
          id={searchId}
          type="search"
          className="text-input rb-search-input"
          value={query}
          placeholder="Title, trigger ID, tag or text"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKey}
          aria-describedby={`${searchId}-count`}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={`${searchId}-count`} className="rb-count" role="status" aria-busy={loading}>
          {countText}
        </p>
      </div>
      {problems.length > 0 && (
        <button type="button" className="rb-problems-link" onClick={onShowProblems}>
          <span className="rb-problems-dot" aria-hidden="true" />
          {problems.length} file{problems.length === 1 ? '' : 's'} could not be loaded: show problems
        </button>
      )}
      {error && (
        <p role="alert" className="rb-alert">
          Could not read the library: {error}
        </p>
      )}
      {loaded && runbooks.length === 0 && !error && (
        <p className="rb-empty muted">{query.trim() ? 'No runbook matches. Try a trigger ID (e.g. INC-FLAG-OUTAGE), a tag or a word from a step.' : 'No runbooks yet. Add a folder of YAML or Markdown runbooks below.'}</p>
      )}
      <ul className="rb-list" aria-label="Runbooks" ref={listRef} onKeyDown={onListKey}>
        {runbooks.map((summary) => (
          <li key={summary.id}>
            <button type="button" className="rb-list-item" aria-current={summary.id === selectedId ? 'true' : undefined} onClick={() => void open(summary.id)}>
              <span className="rb-list-title">{summary.title}</span>
              <span className="rb-list-meta">
                {summary.severity && <SeverityBadge severity={summary.severity} />}
                <OriginBadge origin={summary.origin} />
                <span className="muted">
                  {summary.stepCount} step{summary.stepCount === 1 ? '' : 's'}
                </span>
              </span>
              {summary.triggers.length > 0 && <span className="rb-list-triggers">{summary.triggers.join(' · ')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Files of the library that could not be loaded; the rest of the library is unaffected. */
export function RunbookProblems({ reports, headingRef }: { reports: RunbookFileReport[]; headingRef?: Ref<HTMLHeadingElement> }) {
  const headingId = useId();
  if (reports.length === 0) return null;
  const count = reports.reduce((total, report) => total + report.problems.length, 0);
  return (
    <section className="rb-problems" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {reports.length} file{reports.length === 1 ? '' : 's'} not loaded
        <span className="muted"> · {count} problem{count === 1 ? '' : 's'}</span>
      </h2>
      <p className="muted">Fix these in your editor; the library reloads when the file is saved.</p>
      <ul aria-label="Problems in runbook files">
        {reports.flatMap((report) =>
          report.problems.map((problem, index) => (
            <li key={`${report.path}:${index}`} className="rb-problem">
              <code className="rb-problem-where">{`${problem.path}:${problem.line}:${problem.column}:`}</code>{' '}
              <span className="rb-problem-message">{problem.message}</span>
              {report.origin === 'built-in' && <span className="rb-badge">Built-in</span>}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
