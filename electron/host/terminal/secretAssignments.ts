// The secret values a command line gives away by assigning them: `export API_TOKEN=…`, `DB_PASSWORD=… psql`,
// `docker run -e GH_AUTH=…`, `--token=…` and `--token …`. What the responder assigns in a terminal is
// redacted from that terminal for the rest of its session (see sessionSecrets.ts), so that
// `echo "$API_TOKEN"` later prints [REDACTED:API_TOKEN] into the record, not the token.
// Deliberately broad: any word of the form NAME=value counts, not only what bash would take as an
// assignment, because `curl -d token=…` or `env PASSWORD=…` hand over a secret just the same. A value the
// line alone cannot tell (`TOKEN=$(vault read …)`, `"$OTHER"`) is not learnt: the text that will appear
// in the output is not on the line. Values typed where no one can see them (`read -s`) never are.
import { isSecretName } from './redaction';

export type SecretAssignment = readonly [name: string, value: string];

/** Shorter values are not learnt: redacting every "abc" of a session's output would protect nothing. */
export const minLearntSecretLength = 6;

/** Values that switch a setting rather than hold a secret (`AUTH=disabled`). */
const settingWords = new Set(['enabled', 'disabled', 'required', 'optional', 'default']);

/** `NAME=value` or `--name=value`: the name as written, then what follows the first "=". */
const assignment = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)=([\s\S]*)$/;
/** `--name` (or `-name`) whose next word is its value. */
const flag = /^--?([A-Za-z][A-Za-z0-9_-]*)$/;

/** The secret-named assignments of a command line, in order, as [name, value]. */
export function secretAssignments(commandLine: string): SecretAssignment[] {
  const found: SecretAssignment[] = [];
  const words = shellWords(commandLine);
  words.forEach((word, index) => {
    if (word.expands) return;
    const assigned = assignment.exec(word.text);
    if (assigned) {
      if (isSecretName(assigned[1]!)) keep(found, assigned[1]!, assigned[2]!);
      return;
    }
    const named = flag.exec(word.text);
    const next = words[index + 1];
    if (named && next && !next.expands && !next.text.startsWith('-') && isSecretName(named[1]!)) keep(found, named[1]!, next.text);
  });
  return found;
}

function keep(found: SecretAssignment[], name: string, value: string): void {
  if (value.length >= minLearntSecretLength && !settingWords.has(value.toLowerCase())) found.push([name, value]);
}

interface ShellWord {
  /** The word with its quotes and escapes removed, as the program receives it. */
  text: string;
  /** True when part of it is expanded (`$VAR`, `$(…)`, backticks): the line does not hold its value. */
  expands: boolean;
}

/** Characters that end an unquoted word: blanks and the shell's operators. */
const wordEnd = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '<', '>']);
/** After "$", these start an expansion; any other "$" is a literal dollar sign. */
const expansionStart = /[A-Za-z0-9_{(@*#?$!-]/;

/**
 * Splits a command line into words the way a POSIX shell quotes them: '…' literal, "…" with \ before
 * $ ` " \ and newline, $'…' with C escapes, \ outside quotes. Not a parser: operators only end words,
 * and comments run to the end of the line.
 */
function shellWords(line: string): ShellWord[] {
  const words: ShellWord[] = [];
  let text = '';
  let expands = false;
  let inWord = false;
  const end = () => {
    if (inWord) words.push({ text, expands });
    text = '';
    expands = false;
    inWord = false;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (wordEnd.has(c)) {
      end();
      i++;
    } else if (c === '#' && !inWord) {
      const newline = line.indexOf('\n', i);
      i = newline < 0 ? line.length : newline;
    } else if (c === '\\') {
      inWord = true;
      if (line[i + 1] !== '\n') text += line[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      inWord = true;
      const close = line.indexOf("'", i + 1);
      text += line.slice(i + 1, close < 0 ? line.length : close);
      i = close < 0 ? line.length : close + 1;
    } else if (c === '$' && line[i + 1] === "'") {
      inWord = true;
      const quoted = ansiCQuoted(line, i + 2);
      text += quoted.text;
      expands ||= quoted.unknown;
      i = quoted.next;
    } else if (c === '"') {
      inWord = true;
      const quoted = doubleQuoted(line, i + 1);
      text += quoted.text;
      expands ||= quoted.unknown;
      i = quoted.next;
    } else if ((c === '$' && expansionStart.test(line[i + 1] ?? '')) || c === '`') {
      inWord = true;
      expands = true;
      i = pastExpansion(line, i);
    } else {
      inWord = true;
      text += c;
      i++;
    }
  }
  end();
  return words;
}

interface Quoted {
  text: string;
  /** Part of it is expanded or escaped in a way not decoded here. */
  unknown: boolean;
  /** Where the scan goes on, past the closing quote. */
  next: number;
}

/** The inside of "…" starting at `from` (after the opening quote). */
function doubleQuoted(line: string, from: number): Quoted {
  let text = '';
  let unknown = false;
  let i = from;
  while (i < line.length && line[i] !== '"') {
    const c = line[i]!;
    if (c === '\\' && '$`"\\\n'.includes(line[i + 1] ?? '')) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i += 2;
    } else if ((c === '$' && expansionStart.test(line[i + 1] ?? '')) || c === '`') {
      unknown = true;
      i = pastExpansion(line, i);
    } else {
      text += c;
      i++;
    }
  }
  return { text, unknown, next: i + 1 };
}

const cEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** The inside of $'…' starting at `from`; escapes other than the common ones are not decoded. */
function ansiCQuoted(line: string, from: number): Quoted {
  let text = '';
  let unknown = false;
  let i = from;
  while (i < line.length && line[i] !== "'") {
    if (line[i] === '\\') {
      const decoded = cEscapes[line[i + 1] ?? ''];
      if (decoded === undefined) unknown = true;
      else text += decoded;
      i += 2;
    } else text += line[i++];
  }
  return { text, unknown, next: i + 1 };
}

/** Skips `$NAME`, `${…}`, `$(…)`, `$((…))` or `` `…` `` starting at `from`; returns the index after it. */
function pastExpansion(line: string, from: number): number {
  if (line[from] === '`') {
    const close = line.indexOf('`', from + 1);
    return close < 0 ? line.length : close + 1;
  }
  const open = line[from + 1];
  if (open === '(' || open === '{') {
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    for (let i = from + 1; i < line.length; i++) {
      if (line[i] === open) depth++;
      else if (line[i] === close && --depth === 0) return i + 1;
    }
    return line.length;
  }
  let i = from + 1;
  if (/[A-Za-z_]/.test(line[i] ?? '')) while (/[A-Za-z0-9_]/.test(line[i] ?? '')) i++;
  else i++; // $1, $@, $?, $$ …
  return i;
}
