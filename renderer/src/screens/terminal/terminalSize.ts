// The grid a new terminal starts with, guessed from the space it will get so the shell's first prompt is
// drawn at about the right width; the view fits it exactly once it is on screen.
import { defaultSettings } from '../../../../electron/contract';
import { useConsole } from '../../state/consoleStore';

/** Monospace cells are about 0.6 em wide; rows are the font size times xterm.js's line height (1.15). */
export function estimateTerminalSize(area: Element | null | undefined): { cols: number; rows: number } {
  const fontSize = useConsole.getState().settings?.terminalFontSize ?? defaultSettings.terminalFontSize;
  const bounds = area?.getBoundingClientRect();
  if (!bounds || bounds.width < 50 || bounds.height < 50) return { cols: 100, rows: 30 };
  const cols = Math.floor((bounds.width - 16) / (fontSize * 0.6));
  const rows = Math.floor((bounds.height - 70) / Math.ceil(fontSize * 1.15));
  return { cols: clamp(cols, 20, 400), rows: clamp(rows, 6, 200) };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
