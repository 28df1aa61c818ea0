// Find in a terminal's scrollback (Ctrl+Shift+F): Enter for the next match, Shift+Enter for the previous,
// Esc to close; highlights every match and counts them.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { searchDecorations } from './terminalTheme';
import type { XtermSession } from './xtermSession';

export function TerminalSearch({ session, onClose }: { session: XtermSession; onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [results, setResults] = useState<{ index: number; count: number }>();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
    const subscription = session.search.onDidChangeResults(({ resultIndex, resultCount }) => setResults({ index: resultIndex, count: resultCount }));
    return () => {
      subscription.dispose();
      session.search.clearDecorations();
    };
  }, [session]);

  const find = (direction: 'next' | 'previous', incremental = false) => {
    if (!query) {
      session.search.clearDecorations();
      setResults(undefined);
      return;
    }
    const options = { caseSensitive, incremental, decorations: searchDecorations() };
    if (direction === 'next') session.search.findNext(query, options);
    else session.search.findPrevious(query, options);
  };

  // Typing searches as you go, from where the current match is (`find` reads the same state).
  useEffect(() => find('next', true), [query, caseSensitive]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      find(event.shiftKey ? 'previous' : 'next');
    }
  };

  const counted = !query || !results ? '' : results.count === 0 ? 'No results' : results.index < 0 ? `${results.count} found` : `${results.index + 1} of ${results.count}`;

  return (
    <div className="term-search" role="search" onKeyDown={onKeyDown}>
      <input
        ref={inputRef}
        type="search"
        className="term-search-input"
        aria-label="Search terminal output"
        placeholder="Find"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <span className="term-search-count" role="status">
        {counted}
      </span>
      <button type="button" className="term-icon-button" aria-label="Match case" aria-pressed={caseSensitive} title="Match case" onClick={() => setCaseSensitive((value) => !value)}>
        Aa
      </button>
      <button type="button" className="term-icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!query} onClick={() => find('previous')}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="term-icon-button" aria-label="Next match" title="Next match (Enter)" disabled={!query} onClick={() => find('next')}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="term-icon-button" aria-label="Close search" title="Close (Esc)" onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
