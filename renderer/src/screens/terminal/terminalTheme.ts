// Terminal colours that follow the console's theme: background, text, cursor and selection come from the
// CSS custom properties in console.css (read live, so light/dark switches carry over); the sixteen ANSI
// colours are tuned per theme so `ls --color`, git and htop stay readable on either background.
import type { ITheme } from '@xterm/xterm';

export type ConsoleTheme = 'light' | 'dark';

const ansiPalettes: Record<ConsoleTheme, ITheme> = {
  dark: {
    black: '#3a4452',
    red: '#f47067',
    green: '#57c46a',
    yellow: '#e0b341',
    blue: '#6cb6ff',
    magenta: '#c39af6',
    cyan: '#45c8d4',
    white: '#b7c1cc',
    brightBlack: '#6b7785',
    brightRed: '#ff9489',
    brightGreen: '#7bde8c',
    brightYellow: '#f2cc60',
    brightBlue: '#96ceff',
    brightMagenta: '#dcbdfb',
    brightCyan: '#7ee0e8',
    brightWhite: '#eef3f8',
  },
  light: {
    black: '#27313d',
    red: '#c4262e',
    green: '#1d7a36',
    yellow: '#8a5d00',
    blue: '#1a62c9',
    magenta: '#8048c9',
    cyan: '#137883',
    white: '#6a7582',
    brightBlack: '#55606d',
    brightRed: '#a3141f',
    brightGreen: '#155f2a',
    brightYellow: '#6e4900',
    brightBlue: '#0f4d9e',
    brightMagenta: '#62339f',
    brightCyan: '#0e5c64',
    brightWhite: '#8a949f',
  },
};

export function currentConsoleTheme(): ConsoleTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function terminalTheme(theme: ConsoleTheme = currentConsoleTheme()): ITheme {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = read('--text', theme === 'dark' ? '#e6edf3' : '#17202b');
  const muted = read('--text-muted', '#8b98a8');
  const focus = read('--focus', '#1f6feb');
  return {
    ...ansiPalettes[theme],
    background: read('--terminal-bg', theme === 'dark' ? '#0d1117' : '#fbfbfc'),
    foreground: text,
    cursor: read('--accent', '#d97a06'),
    cursorAccent: read('--accent-ink', '#1b1204'),
    selectionBackground: withAlpha(focus, theme === 'dark' ? 0.35 : 0.25),
    selectionInactiveBackground: withAlpha(muted, 0.25),
    scrollbarSliderBackground: withAlpha(muted, 0.3),
    scrollbarSliderHoverBackground: withAlpha(muted, 0.5),
    scrollbarSliderActiveBackground: withAlpha(muted, 0.65),
  };
}

/** Colours for search matches, in the console's accent. */
export function searchDecorations(theme: ConsoleTheme = currentConsoleTheme()) {
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue('--accent').trim() || '#d97a06';
  return {
    matchBackground: withAlpha(accent, theme === 'dark' ? 0.3 : 0.25),
    matchOverviewRuler: accent,
    activeMatchBackground: withAlpha(accent, 0.65),
    activeMatchBorder: accent,
    activeMatchColorOverviewRuler: accent,
  };
}

/** #rgb / #rrggbb with an alpha, as #rrggbbaa (the form xterm.js parses); other colours pass unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return `#${full}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}
