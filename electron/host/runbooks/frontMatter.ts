// Front matter as static-site generators and Runme write it: YAML between `---` lines (JSON front matter
// is the same, since JSON is YAML), or TOML between `+++` lines (a minimal key = value reader: Runme's and
// Hugo's keys are flat strings, booleans, numbers and string arrays). Front-matter lines are blanked, not
// removed, so Markdown line numbers in problems still point into the user's file.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { RunbookProblem, Runbook } from '../../contract/runbooks';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The document with its front-matter lines replaced by empty lines. */
  body: string;
  problems: RunbookProblem[];
}

export function readFrontMatter(path: string, text: string): FrontMatter {
  const none: FrontMatter = { data: {}, body: text, problems: [] };
  const delimiter = text.startsWith('---\n') ? '---' : text.startsWith('+++\n') ? '+++' : undefined;
  if (!delimiter) return none;
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === delimiter || (delimiter === '---' && line.trimEnd() === '...')));
  if (end === -1) return none;
  const source = lines.slice(1, end).join('\n');
  const body = '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
  if (delimiter === '+++') return { data: parseToml(source), body, problems: [] };
  try {
    const data: unknown = parseYaml(source, { uniqueKeys: false }); // the default duplicate-key check is quadratic
    // A leading `---` rule followed by prose parses as a plain string: that was a thematic break, not front matter.
    if (!isRecord(data)) return none;
    return { data, body, problems: [] };
  } catch (error) {
    const at = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, body, problems: [{ path, line: 1 + (at?.line ?? 0), column: at?.col ?? 1, message: `front matter is not valid YAML: ${message}` }] };
  }
}

function parseToml(source: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of source.split('\n')) {
    const match = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.+?)\s*$/.exec(line);
    if (!match) continue; // [tables], comments and blank lines carry nothing we map
    const [, key = '', value = ''] = match;
    data[key] = tomlValue(value);
  }
  return data;
}

function tomlValue(value: string): unknown {
  if (/^".*"$|^'.*'$/.test(value)) return value.slice(1, -1);
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value.startsWith('[') && value.endsWith(']')) {
    return value.slice(1, -1).split(',').map((item) => item.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  }
  return value.replace(/\s+#.*$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FrontMatterMetadata {
  id?: string;
  title?: string;
  scenario?: string;
  severity?: string;
  tags?: string[];
  triggers?: NonNullable<Runbook['triggers']>;
  /** Runme document-level settings, applied to every block that does not set its own. */
  cwd?: string;
  shell?: string;
}

export function metadataFromFrontMatter(data: Record<string, unknown>): FrontMatterMetadata {
  const meta: FrontMatterMetadata = {};
  const id = scalar(data.id);
  if (id) meta.id = id;
  const title = scalar(data.title) ?? scalar(data.name);
  if (title) meta.title = title;
  const scenario = scalar(data.scenario) ?? scalar(data.description) ?? scalar(data.summary);
  if (scenario) meta.scenario = scenario;
  const severity = scalar(data.severity) ?? scalar(data.priority);
  if (severity) meta.severity = severity;
  // Runme's `tag` (and deprecated `category`) are comma-separated strings; site generators use `tags` arrays.
  const tags = [data.tags, data.tag, data.category, data.categories].flatMap(list);
  if (tags.length) meta.tags = [...new Set(tags)];
  const triggers = (Array.isArray(data.triggers) ? data.triggers : list(data.triggers)).flatMap(trigger);
  if (triggers.length) meta.triggers = triggers;
  const cwd = scalar(data.cwd);
  if (cwd) meta.cwd = cwd;
  const shell = scalar(data.shell);
  if (shell) meta.shell = shell;
  return meta;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalar).filter((item): item is string => item !== undefined);
  return scalar(value)?.split(',').map((item) => item.trim()).filter(Boolean) ?? [];
}

function trigger(value: unknown): NonNullable<Runbook['triggers']> {
  const id = scalar(value);
  if (id) return [{ id }];
  if (!isRecord(value) || !scalar(value.id)) return [];
  const out: NonNullable<Runbook['triggers']>[number] = { id: scalar(value.id) ?? '' };
  for (const key of ['severity', 'threshold', 'description'] as const) {
    const text = scalar(value[key]);
    if (text) out[key] = text;
  }
  return [out];
}
