import { utcText } from '../contract';

// Plain-text tables for CLI output: columns padded to their widest cell.
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** A UTC time for a table cell; a dash where there is none yet. */
export function utcCell(iso: string | null): string {
  return utcText(iso) || '—';
}
