// Alt+1 … Alt+5 jump to a screen from anywhere, and move focus to its heading so screen readers follow.
import { useEffect } from 'react';
import { screens } from '../screens/screens';
import { useConsole } from '../state/consoleStore';
import { screenShortcutIndex } from './screenShortcuts';

export function useGlobalShortcuts(): void {
  const openScreen = useConsole((state) => state.openScreen);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const index = screenShortcutIndex(event);
      const screen = index === undefined ? undefined : screens[index];
      if (!screen) return;
      event.preventDefault();
      openScreen(screen.id);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.screen h1')?.focus());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openScreen]);
}
