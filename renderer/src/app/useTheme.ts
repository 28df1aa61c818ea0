// Applies the theme: the user's choice, or the OS's light/dark preference (followed live) for "system".
import { useEffect } from 'react';
import { useConsole } from '../state/consoleStore';

export function useTheme(): void {
  const preference = useConsole((state) => state.settings?.theme ?? 'system');
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const theme = preference === 'system' ? (query.matches ? 'dark' : 'light') : preference;
      document.documentElement.dataset.theme = theme;
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [preference]);
}
