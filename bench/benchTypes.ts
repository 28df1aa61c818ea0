// A benchmark figure is always paired with a raw baseline measured in the same run, on the same machine:
// the ratio is what we track (machines differ; ratios travel).
export interface Figure {
  part: string;
  name: string;
  unit: string;
  value: number;
  /** What the raw baseline is (e.g. "bare node:http page"). */
  baselineName: string;
  baseline: number;
  /** value ÷ baseline. For times and memory lower is better. */
  ratio: number;
  notes?: string;
}

export interface BenchPart {
  name: string;
  run(): Promise<Figure[]>;
}

export function figure(part: string, name: string, unit: string, value: number, baselineName: string, baseline: number, notes?: string): Figure {
  return { part, name, unit, value, baselineName, baseline, ratio: baseline > 0 ? value / baseline : NaN, ...(notes ? { notes } : {}) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
