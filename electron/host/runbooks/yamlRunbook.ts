// Native YAML runbooks: parsed with `yaml` keeping source positions, validated with the contract's
// `runbookSchema`, and every problem pointed at the YAML node it concerns (1-based line and column), so
// the linter, an editor and the console's problem list all send the author to the exact spot:
// unknown fields at the key, wrong values at the value, missing fields at the mapping that lacks them.
// A comment that cuts a text value short (yamlTextComments.ts) is a warning: listed, but the runbook loads.
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { errorMessage, type Runbook, type RunbookProblem, runbookSchema } from '../../contract';
import { fieldsAt } from './runbookFields';
import { textCutByComments } from './yamlTextComments';

export interface RunbookParseResult {
  /** Present when the file has no problems, or only warnings (problems that do not stop it loading). */
  runbook?: Runbook;
  problems: RunbookProblem[];
}

type Path = readonly PropertyKey[];
/** Problems reported per file; the last one says how many more there are. */
export const maxProblems = 200;
type Issue = z.core.$ZodIssue;

/**
 * Turns offsets into 1-based positions that always fall inside the text (never past a final newline).
 * Line starts are counted here, only when a problem needs them: yaml's LineCounter misses lines after
 * some syntax errors, and a clean file should not pay for positions nobody asks for.
 */
class Positions {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    private readonly text: string,
  ) {}

  problem(offset: number | undefined, message: string): RunbookProblem {
    const last = Math.max(0, this.text.length - (this.text.endsWith('\n') ? 1 : 0));
    const clamped = Math.min(Math.max(0, offset ?? 0), last);
    const starts = (this.lineStarts ??= [0, ...[...this.text.matchAll(/\n/g)].map((match) => match.index + 1)]);
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { path: this.path, line: low + 1, column: clamped - starts[low]! + 1, message };
  }

  /** The rest of the line from `offset`, for hints that quote what the author wrote. */
  lineFrom(offset: number): string {
    const end = this.text.indexOf('\n', offset);
    return this.text.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
  }
}

export function parseYamlRunbook(path: string, source: string): RunbookParseResult {
  // A byte-order mark is not a column an editor shows; drop it so line 1 columns match.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const at = new Positions(path, text);
  // yaml's own unique-key check is quadratic (minutes for a 5 MiB file of keys); duplicateKeys() is linear.
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  const problems: RunbookProblem[] = [];
  for (const document of documents) {
    // After one stray token the parser flags every token that follows: keep the first, not the cascade.
    const errors = document.errors.filter((error, index, all) => error.code !== 'UNEXPECTED_TOKEN' || all.findIndex((other) => other.code === error.code) === index);
    for (const error of [...errors, ...document.warnings]) problems.push(at.problem(error.pos[0], `invalid YAML: ${/call stack/i.test(error.message) ? 'nested too deeply' : error.message}`));
  }
  if (documents.length > 1) problems.push(at.problem(documents[1]!.range[0], `a runbook file holds one YAML document; this file has ${documents.length} (the second starts here)`));
  const document = documents[0];
  if (!document || document.contents === null) {
    problems.push(at.problem(0, 'the file is empty; a runbook needs at least id, title and steps'));
    return finish(problems);
  }
  if (document.errors.length) return finish(problems);
  if (duplicateKeys(document, at, problems)) return finish(problems);

  const data = toData(document, at, problems);
  if (data === undefined) return finish(problems);
  const parsed = runbookSchema.safeParse(data);
  // Loops, not push(...spread): a huge file can hold more problems than a call has arguments.
  for (const issue of parsed.error?.issues ?? []) for (const problem of issueProblems(issue, document, data, at)) problems.push(problem);
  for (const problem of duplicateOrders(document, data, at)) problems.push(problem);
  // A warning: the runbook is valid and still loads (hiding it would be worse than half a sentence), but the
  // console's problem list shows it and the linter fails on it, as on any problem.
  const warnings = textCutByComments(document, text).map(({ path, offset, comment }) =>
    at.problem(offset, label(path, `text after " #" is a YAML comment and is dropped (${JSON.stringify(comment.length > 40 ? `${comment.slice(0, 40)}…` : comment)}); quote the value to keep it, or put the comment on a line of its own`)),
  );
  return finish(problems, parsed.success ? parsed.data : undefined, warnings);
}

/**
 * A runbook as native YAML, fields in the contract's order, commands as literal blocks, a blank line
 * between steps; with `schemaPath`, the comment that makes editors check it against the JSON Schema.
 */
export function formatYamlRunbook(runbook: Runbook, options: { schemaPath?: string } = {}): string {
  const ordered = runbookSchema.parse(runbook);
  const document = new Document(ordered);
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isSeq(pair.value) && isScalar(pair.key)) pair.key.spaceBefore = true;
      if (isSeq(pair.value)) pair.value.items.forEach((item, index) => isMap(item) && (item.spaceBefore = index > 0));
    }
  }
  const body = document.toString({ lineWidth: 0, blockQuote: 'literal' });
  return options.schemaPath ? `# yaml-language-server: $schema=${options.schemaPath}\n${body}` : body;
}

/** Problems deduplicated, in file order and capped; the runbook is kept when all of them are warnings. */
function finish(problems: RunbookProblem[], runbook?: Runbook, warnings: RunbookProblem[] = []): RunbookParseResult {
  const seen = new Set<string>();
  const unique = [...problems, ...warnings].filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort((a, b) => a.line - b.line || a.column - b.column);
  // Past a few hundred, more lines help nobody (and would flood the console's problem list).
  if (unique.length > maxProblems) {
    unique.splice(maxProblems, Infinity, { ...unique[maxProblems]!, message: `more than ${maxProblems} problems; the rest, from here on, are not listed: fix the ones above first` });
  }
  return problems.length === 0 && runbook ? { runbook, problems: unique } : { problems: unique };
}

/** Reports every key given twice in one mapping, at the second one; true if there were any. */
function duplicateKeys(document: Document, at: Positions, problems: RunbookProblem[]): boolean {
  let found = false;
  visit(document, {
    Map(_key, map) {
      const first = new Map<string, Pair>();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        const earlier = first.get(name);
        if (!earlier) first.set(name, pair);
        else {
          found = true;
          const line = at.problem(keyOffset(earlier), '').line;
          problems.push(at.problem(keyOffset(pair) ?? map.range?.[0], `invalid YAML: key "${name}" is given twice (first on line ${line})`));
        }
      }
    },
  });
  return found;
}

/** Plain data from the document; aliases that point nowhere or expand too far become problems, not throws. */
function toData(document: Document, at: Positions, problems: RunbookProblem[]): unknown {
  let firstAlias: number | undefined;
  let broken = false;
  visit(document, {
    Alias(_key, alias) {
      firstAlias ??= alias.range?.[0];
      if (!alias.resolve(document)) {
        broken = true;
        problems.push(at.problem(alias.range?.[0], `invalid YAML: alias "*${alias.source}" refers to no anchor`));
      }
    },
  });
  if (broken) return undefined;
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push(at.problem(firstAlias, `invalid YAML: ${errorMessage(error)}`));
    return undefined;
  }
}

/** The node at a path (null: the path ends at a missing key), its key node, and the collection holding it. */
type Located = { node: Node | null; key: Node | null; parent: Node | null };

/** Pairs of a mapping by key text, built once per mapping: a file with 100,000 keys stays linear. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let pairs = pairsByKey.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const pair of map.items) if (!pairs.has(keyText(pair.key))) pairs.set(keyText(pair.key), pair);
    pairsByKey.set(map, pairs);
  }
  return pairs.get(key);
}

function locate(document: Document, path: Path): Located {
  let node = deref(document, document.contents);
  let key: Node | null = null;
  let parent: Node | null = null;
  for (const segment of path) {
    parent = node;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) return { node: null, key: null, parent };
      key = isNodeLike(pair.key) ? pair.key : null;
      node = deref(document, pair.value);
    } else if (isSeq(node) && typeof segment === 'number') {
      key = null;
      node = deref(document, node.items[segment]);
    } else {
      return { node: null, key: null, parent };
    }
  }
  return { node, key, parent };
}

function deref(document: Document, value: unknown): Node | null {
  if (!isNodeLike(value)) return null;
  return isAlias(value) ? (value.resolve(document) ?? value) : value;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function keyOffset(pair: Pair | undefined): number | undefined {
  return isNodeLike(pair?.key) ? pair.key.range?.[0] : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Where a value sits; an empty value (`key:`) has no text of its own, so its key stands in. */
function valueOffset(found: Located): number | undefined {
  const { node, key, parent } = found;
  const empty = isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
  if (node?.range && !empty) return node.range[0];
  return key?.range?.[0] ?? parent?.range?.[0];
}

function issueProblems(issue: Issue, document: Document, data: unknown, at: Positions): RunbookProblem[] {
  const path = issue.path as Path;
  const found = locate(document, path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(path);
    // Only as many as can be shown: a mapping of 500,000 unknown keys must not cost 500,000 suggestions.
    return issue.keys.slice(0, maxProblems + 1).map((name) => {
      const offset = (isMap(found.node) ? keyOffset(pairOf(found.node, name)) : undefined) ?? valueOffset(found);
      return at.problem(offset, label([...path, name], `unknown field${suggestion(name, allowed)}`));
    });
  }
  if (issue.code === 'invalid_type' && found.node === null && found.key === null && isMap(found.parent)) {
    const field = String(path[path.length - 1]);
    return [at.problem(found.parent.range?.[0], label(path.slice(0, -1), `missing required field "${field}"`))];
  }
  const value = valueAt(data, path);
  return [at.problem(valueOffset(found), label(path, explain(issue, value, found, at)))];
}

function explain(issue: Issue, value: unknown, found: Located, at: Positions): string {
  const zodWording = /^(Invalid|Too (small|big))/.test(issue.message);
  const isSteps = issue.path.length === 1 && issue.path[0] === 'steps';
  switch (issue.code) {
    case 'invalid_type': {
      if (isSteps && (value === null || value === undefined)) return 'a runbook needs at least one step';
      if (issue.path.length === 0) return `a runbook must be a mapping (id: …, title: …, steps: …), not ${describe(value)}`;
      return `must be ${typeName(issue.expected)}, not ${describe(value)}${typeHint(issue.expected, value, found, at)}`;
    }
    case 'too_small':
      if (!zodWording) return issue.message;
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      return zodWording ? `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}` : issue.message;
    case 'invalid_format':
      return zodWording && 'pattern' in issue ? `must match ${String(issue.pattern)}` : issue.message;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')} (not ${describe(value)})`;
    case 'invalid_union': {
      const expected = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected === 'boolean' ? 'true/false' : typeName(inner.expected)] : []));
      const choices = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}` : expected[0];
      return choices ? `must be ${choices}, not ${describe(value)}` : issue.message;
    }
    default:
      return issue.message;
  }
}

/** The two mistakes YAML makes easy: `slack: #channel` (a comment, so empty) and `order: "1"` (text). */
function typeHint(expected: string, value: unknown, found: Located, at: Positions): string {
  if (value === null && found.key?.range) {
    const written = at.lineFrom(found.key.range[0]).match(/^([^:]+):\s+(#.*)$/);
    if (written) return ` (" #" starts a YAML comment; quote the value: ${written[1]}: ${JSON.stringify(written[2])})`;
  }
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return ' (remove the quotes)';
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return ` (quote it: "${String(value)}")`;
  if (expected === 'array' && typeof value === 'object' && value !== null && !Array.isArray(value)) return ' (start each item with "- ")';
  return '';
}

const typeNames: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping (key: value lines)', record: 'a mapping' };
const typeName = (expected: string): string => typeNames[expected] ?? expected;

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

function label(path: Path, message: string): string {
  const where = path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)), '');
  return where ? `${where}: ${message}` : message;
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, segment) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[segment] : undefined), data);
}

function suggestion(name: string, allowed: string[]): string {
  if (!allowed.length) return '';
  const squash = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  const scored = allowed.map((field) => ({ field, distance: squash(field) === squash(name) ? 0 : editDistance(name.toLowerCase(), field.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0]!;
  if (best.distance <= Math.max(2, Math.floor(best.field.length / 4))) return `; did you mean "${best.field}"?`;
  return ` (allowed here: ${allowed.join(', ')})`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Steps may be listed in any order, but two steps with one `order` would make "step 3" ambiguous. */
function duplicateOrders(document: Document, data: unknown, at: Positions): RunbookProblem[] {
  const steps = valueAt(data, ['steps']);
  if (!Array.isArray(steps)) return [];
  const firstIndex = new Map<number, number>();
  const problems: RunbookProblem[] = [];
  steps.forEach((step: unknown, index) => {
    const order = valueAt(step, ['order']);
    if (typeof order !== 'number') return;
    const first = firstIndex.get(order);
    if (first === undefined) return void firstIndex.set(order, index);
    const firstLine = at.problem(valueOffset(locate(document, ['steps', first, 'order'])), '').line;
    const found = locate(document, ['steps', index, 'order']);
    problems.push(at.problem(valueOffset(found), label(['steps', index, 'order'], `order ${order} is already used by steps[${first}] (line ${firstLine})`)));
  });
  return problems;
}
