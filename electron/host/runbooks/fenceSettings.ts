// Runme keeps block settings in the fence info string, after the language, in two forms:
//   legacy "babikML": ```sh { name=foo interactive=false }   (values cannot contain spaces)
//   JSON:             ```sh {"name":"foo","excludeFromRunAll":"true"}
// Newer Runme tries JSON first and writes JSON, so we do the same. Runme writes booleans as strings
// ("true"), so "true"/"false" become real booleans: the console then checks `settings.ignore === true`.
import type { RunbookStep } from '../../contract/runbooks';

export type SettingValue = string | boolean | number;

export interface FenceInfo {
  language: string;
  settings: Record<string, SettingValue>;
  /** Holdfast extensions in the same attributes (design §5): `expect` and `confirm` map to the step's fields. */
  expect?: RunbookStep['expect'];
  confirm?: RunbookStep['confirm'];
}

const numericKeys = new Set(['terminalRows']);

export function parseFenceInfo(info: string): FenceInfo {
  const trimmed = info.trim();
  const brace = trimmed.indexOf('{');
  const head = brace === -1 ? trimmed : trimmed.slice(0, brace);
  const language = (head.trim().split(/\s+/)[0] ?? '').toLowerCase();
  const result: FenceInfo = { language, settings: {} };
  if (brace === -1) return result;
  const attributes = trimmed.slice(brace);
  const fromJson = parseJsonAttributes(attributes);
  const raw = fromJson ?? parseBabikAttributes(attributes);
  for (const [key, value] of Object.entries(raw)) addSetting(result, key, value);
  return result;
}

function parseJsonAttributes(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseBabikAttributes(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pair = /([A-Za-z_][\w.-]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s}]+)/g;
  for (const match of text.matchAll(pair)) {
    const [, key = '', value = ''] = match;
    out[key] = /^["']/.test(value) ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  return out;
}

function addSetting(info: FenceInfo, key: string, value: unknown): void {
  if (key === 'expect' && value && typeof value === 'object') {
    info.expect = toExpectation(value as Record<string, unknown>);
    return;
  }
  if (key === 'confirm' && typeof value === 'string' && value.trim()) {
    info.confirm = { target: value.trim() };
    return;
  }
  const scalar = normalise(key, value);
  // Objects and arrays have no place in the contract's flat settings record; dropping them loses nothing runnable.
  if (scalar !== undefined) info.settings[key] = scalar;
}

function normalise(key: string, value: unknown): SettingValue | undefined {
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  if (numericKeys.has(key) && /^\d+$/.test(value)) return Number(value);
  return value;
}

function toExpectation(raw: Record<string, unknown>): RunbookStep['expect'] {
  const exit = raw.exitCode ?? raw.exit;
  const output = raw.output ?? raw.stdout;
  const expect: NonNullable<RunbookStep['expect']> = {};
  if (typeof exit === 'number' && Number.isInteger(exit) && exit >= 0 && exit <= 255) expect.exitCode = exit;
  // "/Running/" is how the design writes a pattern; the contract's `output` is the bare regular expression.
  if (typeof output === 'string' && output) expect.output = /^\/.+\/$/.test(output) ? output.slice(1, -1) : output;
  return Object.keys(expect).length ? expect : undefined;
}
