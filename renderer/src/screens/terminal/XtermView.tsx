// Shows one terminal's screen in the page: lends it a container, keeps it sized to that container (and
// tells the host the new size), and adds what the screen itself does not have: the search box, the
// context menu and the Ctrl+click hint for links.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { TerminalInfo } from '../../../../electron/contract';
import { TerminalContextMenu } from './TerminalContextMenu';
import { TerminalSearch } from './TerminalSearch';
import { sessionFor } from './xtermSessions';
import '../../styles/terminal.css';

export function XtermView({ info, autoFocus = false }: { info: TerminalInfo; autoFocus?: boolean }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [searching, setSearching] = useState(false);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number }>();
  const [link, setLink] = useState<string>();
  const session = sessionFor(info);

  useEffect(() => {
    const container = containerRef.current!;
    session.mount(container);
    session.onFind = () => setSearching(true);
    session.onLinkHover = setLink;
    let timer: number | undefined;
    // Debounced: fitting re-lays out the grid, and a dragged window or pane edge fires this every frame.
    const observer = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => session.fit(), 30);
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
      session.onFind = () => {};
      session.onLinkHover = () => {};
      session.unmount(container);
    };
  }, [session]);

  useEffect(() => {
    if (autoFocus) session.focus();
  }, [autoFocus, session]);

  const openMenu = (event: MouseEvent) => {
    event.preventDefault();
    const bounds = event.currentTarget.getBoundingClientRect();
    setMenuAt({ x: event.clientX - bounds.left, y: event.clientY - bounds.top });
  };

  return (
    <div role="region" aria-label={`Terminal ${info.title}`} className="xterm-view" onContextMenu={openMenu}>
      <div ref={containerRef} className="xterm-container" />
      {searching && (
        <TerminalSearch
          session={session}
          onClose={() => {
            setSearching(false);
            session.focus();
          }}
        />
      )}
      {menuAt && (
        <TerminalContextMenu
          session={session}
          at={menuAt}
          onSearch={() => setSearching(true)}
          onClose={() => setMenuAt(undefined)}
        />
      )}
      {link && (
        <div className="xterm-link-hint" aria-hidden="true">
          Ctrl+click to open <span>{link}</span>
        </div>
      )}
    </div>
  );
}
