// The terminal's right-click menu: copy the selection, paste, select all, clear, find. Arrow keys move, Esc
// closes and gives the keyboard back to the terminal.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { shortcutLabels } from './terminalShortcuts';
import type { XtermSession } from './xtermSession';

interface MenuEntry {
  label: string;
  shortcut?: string;
  disabled?: boolean;
  /** Returns 'keep-open' when the menu has something more to say. */
  run(): void | 'keep-open' | Promise<void | 'keep-open'>;
}

export function TerminalContextMenu({ session, at, onSearch, onClose }: { session: XtermSession; at: { x: number; y: number }; onSearch: () => void; onClose: () => void }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  const [place, setPlace] = useState(at);
  const hasSelection = session.terminal.hasSelection();

  const entries: MenuEntry[] = [
    { label: 'Copy', shortcut: shortcutLabels.copy, disabled: !hasSelection, run: () => void session.copySelection() },
    {
      label: 'Paste',
      shortcut: shortcutLabels.paste,
      run: async () => {
        if (await session.pasteFromClipboard()) return;
        setNotice(`This window may not read the clipboard from a menu; press ${shortcutLabels.paste} in the terminal.`);
        return 'keep-open';
      },
    },
    { label: 'Select all', run: () => session.terminal.selectAll() },
    { label: 'Clear', run: () => session.terminal.clear() },
    { label: 'Find…', shortcut: shortcutLabels.find, run: onSearch },
  ];

  const close = () => {
    onClose();
    session.focus();
  };

  // Kept inside the terminal: opened near its bottom or right edge, the menu opens upwards or leftwards.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const area = menu?.parentElement;
    if (!menu || !area) return;
    const x = at.x + menu.offsetWidth > area.clientWidth ? Math.max(0, at.x - menu.offsetWidth) : at.x;
    const y = at.y + menu.offsetHeight > area.clientHeight ? Math.max(0, at.y - menu.offsetHeight) : at.y;
    setPlace({ x, y });
  }, [at, notice]);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move) {
      event.preventDefault();
      items[(at + move + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div ref={menuRef} role="menu" aria-label="Terminal" className="term-menu" style={{ left: place.x, top: place.y }} onKeyDown={onKeyDown} onContextMenu={(event) => event.preventDefault()}>
      {entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          className="term-menu-item"
          disabled={entry.disabled}
          onClick={async () => {
            if ((await entry.run()) !== 'keep-open') close();
          }}
        >
          <span>{entry.label}</span>
          {entry.shortcut && <kbd>{entry.shortcut}</kbd>}
        </button>
      ))}
      {notice && (
        <p className="term-menu-notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
