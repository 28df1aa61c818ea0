// Primary navigation. Tab reaches the current screen's item; arrow keys, Home and End move between items
// (one tab stop for the whole rail, as WAI-ARIA recommends for toolbars and menus of this kind).
import { useRef, type KeyboardEvent } from 'react';
import { screens, shortcutFor } from '../screens/screens';
import { useConsole } from '../state/consoleStore';
import { HoldfastMark } from './icons';

export function NavRail() {
  const current = useConsole((state) => state.screen);
  const openScreen = useConsole((state) => state.openScreen);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const focused = buttons.current.findIndex((button) => button === document.activeElement);
    if (focused < 0) return;
    const moves: Record<string, number> = { ArrowDown: focused + 1, ArrowUp: focused - 1, Home: 0, End: screens.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons.current[(target + screens.length) % screens.length]?.focus();
  };

  return (
    <nav className="nav-rail" aria-label="Main">
      <div className="brand">
        <HoldfastMark />
        <span className="brand-name">Holdfast</span>
      </div>
      <ul onKeyDown={onKeyDown}>
        {screens.map((screen, index) => (
          <li key={screen.id}>
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="nav-item"
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={shortcutFor(index)}
              tabIndex={screen.id === current ? 0 : -1}
              aria-label={screen.label}
              title={`${screen.label} (${shortcutFor(index)})`}
              onClick={() => openScreen(screen.id)}
            >
              <screen.Icon />
              <span className="nav-item-label">{screen.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
