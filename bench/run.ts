// `npm run bench`: runs every benchmark part (or those named on the command line), prints a table of
// figure / value / raw baseline / ratio, and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchPart, Figure } from './benchTypes';
import { idleMemoryPart } from './parts/idleMemory';
import { startupPart } from './parts/startup';
import { runbookLintPart } from './parts/runbookLint';
import { storePart } from './parts/store';
import { terminalPart } from './parts/terminal';

const parts: BenchPart[] = [startupPart, idleMemoryPart, storePart, runbookLintPart, terminalPart];

async function main() {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? parts.filter((part) => wanted.includes(part.name)) : parts;
  const figures: Figure[] = [];
  for (const part of selected) {
    process.stderr.write(`bench: ${part.name}…\n`);
    figures.push(...(await part.run()));
  }
  printTable(figures);
  const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(resultsPath, JSON.stringify({ measuredAt: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version }, figures }, null, 2) + '\n');
  process.stderr.write(`bench: wrote ${resultsPath}\n`);
}

function printTable(figures: Figure[]) {
  const rows = [['part', 'figure', 'value', 'raw baseline', 'ratio'], ...figures.map((f) => [f.part, f.name, `${round(f.value)} ${f.unit}`, `${round(f.baseline)} ${f.unit} (${f.baselineName})`, `${f.ratio.toFixed(2)}×`])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
