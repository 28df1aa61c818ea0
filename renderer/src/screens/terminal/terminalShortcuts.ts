// The keys a terminal keeps for itself instead of sending them to the shell. Ctrl+Shift+letter because
// plain Ctrl+C, Ctrl+V and Ctrl+F mean something to the programs in the terminal (interrupt, literal next,
// forward a page).
export type TerminalShortcut = 'copy' | 'paste' | 'find' | 'fontBigger' | 'fontSmaller' | 'fontReset';

export const shortcutLabels: Record<TerminalShortcut, string> = {
  copy: 'Ctrl+Shift+C',
  paste: 'Ctrl+Shift+V',
  find: 'Ctrl+Shift+F',
  fontBigger: 'Ctrl+=',
  fontSmaller: 'Ctrl+-',
  fontReset: 'Ctrl+0',
};

export function matchShortcut(event: KeyboardEvent): TerminalShortcut | undefined {
  const command = event.ctrlKey || event.metaKey;
  if (!command || event.altKey) return undefined;
  if (event.shiftKey) {
    if (event.code === 'KeyC') return 'copy';
    if (event.code === 'KeyV') return 'paste';
    if (event.code === 'KeyF') return 'find';
    // Ctrl+Shift+= is Ctrl++ on most layouts.
    if (event.code === 'Equal' || event.key === '+') return 'fontBigger';
    return undefined;
  }
  if (event.key === '=' || event.key === '+' || event.code === 'NumpadAdd') return 'fontBigger';
  if (event.key === '-' || event.code === 'NumpadSubtract') return 'fontSmaller';
  if (event.key === '0' || event.code === 'Numpad0') return 'fontReset';
  return undefined;
}
