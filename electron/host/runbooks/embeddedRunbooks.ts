// Native runbooks written inside a Markdown document (seed 001: a story with ```yaml fences holding
// complete runbooks: id, steps, verification, contacts). Choice: both, for different callers.
//  - `extractEmbeddedRunbooks` returns each fenced runbook as its own validated Runbook, so the library can
//    list "database-outage" and "payment-failure" as the runnable runbooks they are.
//  - `importMarkdownRunbook` expands each embedded runbook in place into steps of the document's runbook,
//    so importing the document alone never loses a command.
// YAML keys without a value (`slack: #database-oncall`, where `#` starts a comment) are dropped with a
// problem that says so, instead of failing the whole runbook on `null`.
import MarkdownIt from 'markdown-it';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { runbookSchema, type Runbook, type RunbookProblem } from '../../contract/runbooks';

export interface EmbeddedRunbook {
  /** 1-based line of the opening fence. */
  line: number;
  runbook?: Runbook;
  problems: RunbookProblem[];
}

export function extractEmbeddedRunbooks(content: string, path = ''): EmbeddedRunbook[] {
  const found: EmbeddedRunbook[] = [];
  try {
    const tokens = new MarkdownIt().parse(content.replace(/\r\n?/g, '\n'), {});
    for (const token of tokens) {
      if (token.type !== 'fence' || !token.map) continue;
      const language = token.info.trim().split(/[\s{]/)[0]?.toLowerCase() ?? '';
      if (language !== 'yaml' && language !== 'yml') continue;
      const embedded = parseEmbeddedRunbook(token.content, token.map[0] + 1, path);
      if (embedded) found.push(embedded);
    }
  } catch (error) {
    found.push({ line: 1, problems: [{ path, line: 1, column: 1, message: `could not read embedded runbooks: ${String(error)}` }] });
  }
  return found;
}

/** `fenceLine` is the 1-based line of the opening fence; undefined when the YAML is not runbook-shaped. */
export function parseEmbeddedRunbook(code: string, fenceLine: number, path: string): EmbeddedRunbook | undefined {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the yaml package's duplicate-key check is quadratic; the runbook schema catches duplicates.
    const doc = parseDocument(code, { lineCounter, uniqueKeys: false });
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    return { line: fenceLine + pos.line, column: pos.col };
  };
  const looksLikeRunbook = /^steps\s*:/m.test(code) && /^(id|title)\s*:/m.test(code);
  if (doc.errors.length) {
    if (!looksLikeRunbook) return undefined;
    const problems = doc.errors.map((error) => ({ path, ...at(error.pos[0]), message: `embedded runbook is not valid YAML: ${error.message.split('\n')[0]}` }));
    return { line: fenceLine, problems };
  }
  const value: unknown = doc.toJS();
  if (!isObject(value) || !Array.isArray(value.steps) || !(value.id || value.title)) return undefined;
  const problems: RunbookProblem[] = [];
  dropEmptyValues(doc, value, [], (keyPath, comment) => {
    const hint = comment !== undefined ? ` (\`#\` starts a YAML comment: quote the value, e.g. "#${comment.trim()}")` : '';
    problems.push({ path, ...at(nodeOffset(doc, keyPath)), message: `${keyPath.join('.')} has no value and was ignored${hint}` });
  });
  const parsed = runbookSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keyPath = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      // A misspelt key ("descripton") is best shown on its own line, not on the step that holds it.
      const located = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...keyPath, issue.keys[0]] : keyPath;
      problems.push({ path, ...at(nodeOffset(doc, located)), message: `embedded runbook ${keyPath.join('.') || '(root)'}: ${issue.message}` });
    }
    return { line: fenceLine, problems };
  }
  return { line: fenceLine, runbook: parsed.data, problems };
}

function dropEmptyValues(doc: Document, value: unknown, keyPath: (string | number)[], report: (keyPath: (string | number)[], comment?: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => dropEmptyValues(doc, item, [...keyPath, index], report));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) {
        const node = doc.getIn([...keyPath, key], true);
        report([...keyPath, key], isScalar(node) && node.comment ? node.comment : undefined);
        delete value[key];
      } else dropEmptyValues(doc, item, [...keyPath, key], report);
    }
  }
}

/** Offset of the deepest node on `keyPath` that exists, for a problem's line. */
function nodeOffset(doc: Document, keyPath: (string | number)[]): number | undefined {
  for (let length = keyPath.length; length >= 0; length--) {
    const node = doc.getIn(keyPath.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      // An empty value's node sits after the key; point at the key's line instead when the parent is a map.
      const parent = length > 0 ? doc.getIn(keyPath.slice(0, length - 1), true) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === keyPath[length - 1]);
        const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
        if (keyRange) return keyRange[0];
      }
      return node.range[0];
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
