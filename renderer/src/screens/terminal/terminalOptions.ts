// How every embedded terminal is set up: the xterm.js options and Unicode version the console creates its
// terminals with. Plain data (no xterm.js import), so the terminal benchmark builds the terminals of its page
// from the very same settings (bench/terminalPage.ts) and measures what a responder's console does.

const terminalFontFamily = '"JetBrains Mono", "Cascadia Mono", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** Options for `new Terminal()`, apart from size, font size and theme (those come from the host and settings). */
export const terminalOptions = {
  fontFamily: terminalFontFamily,
  lineHeight: 1.15,
  scrollback: 10_000,
  cursorBlink: true,
  // The unicode (wide characters, emoji) and decoration (search highlights) APIs are marked proposed.
  allowProposedApi: true,
  rightClickSelectsWord: false,
  macOptionIsMeta: true,
  drawBoldTextInBrightColors: false,
  minimumContrastRatio: 4.5,
} as const;

/** Character widths follow Unicode 11 (the unicode11 addon): emoji and East Asian wide characters take two cells. */
export const terminalUnicodeVersion = '11';
