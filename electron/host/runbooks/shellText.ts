// Decides what of a code block a responder can run. Real runbooks put prose in ```bash blocks (checklists,
// "- Alert timestamps", "1. Acknowledge alert", message templates), so a tagged block is trusted line by
// line, not wholesale: a block with no shell line at all is reference text, and prose lines in a mixed block
// are commented out so running the block cannot execute them while the responder still reads them in place.
// Untagged blocks are commands only when every line starts with a well-known command (be conservative).
import type { SettingValue } from './fenceSettings';

const shellLanguages = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'command', 'console', 'shell-session', 'shellsession']);
const consoleLanguages = new Set(['console', 'shell-session', 'shellsession']);

const knownCommands = new Set(
  ('kubectl k helm docker podman git curl wget ssh scp rsync psql mysql redis-cli mongosh mongo systemctl journalctl service sudo ' +
    'cd ls cat tail head grep egrep awk sed find ps top df du free kill echo printf export source env aws gcloud az terraform ' +
    'ansible ansible-playbook npm npx yarn pnpm node python python3 pip make go cargo dig nslookup host ping traceroute netstat ss ' +
    'lsof openssl jq yq tar gzip cp mv rm mkdir chmod chown watch vault consul nomad etcdctl crictl oc eksctl vercel heroku flyctl ' +
    'supabase stripe pg_dump pg_restore pg_isready nc telnet tcpdump iptables nginx uptime date whoami hostname runme bash sh zsh ' +
    'xargs sort uniq wc tee touch ln test unset set')
    .split(' '),
);

export interface ShellBlock {
  /** The block is meant as shell (tagged, or recognised): under a heading with no step it becomes a step. */
  shellish: boolean;
  /** What running the step executes; undefined when nothing in the block is runnable. */
  command?: string;
}

/** A `# OR` comment line between commands: the block offers alternatives, not a sequence. */
export function listsAlternatives(command: string): boolean {
  return /^\s*#\s*or\b[\s:.]*$/im.test(command);
}

export function shellBlock(language: string, code: string, settings: Record<string, SettingValue>): ShellBlock {
  const tagged = shellLanguages.has(language);
  if (language !== '' && !tagged) return { shellish: false };
  // Runme: ignore=true or transform=false excludes a block from running; it stays readable as reference.
  if (settings.ignore === true || settings.transform === false) return { shellish: tagged };
  // Runme strips "### " lines (its block titles) before running.
  const lines = code.replace(/\n$/, '').split('\n').filter((line) => !line.startsWith('### '));
  const firstLine = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim() ?? '';
  if (consoleLanguages.has(language) || firstLine.startsWith('$ ')) {
    const command = promptCommands(lines);
    if (command || consoleLanguages.has(language)) return { shellish: true, command };
  }
  return tagged ? { shellish: true, command: taggedCommand(lines) } : untaggedCommand(lines);
}

/** `console` transcripts: keep `$ ` lines without the prompt (and their `\` continuations); drop output. */
function promptCommands(lines: string[]): string | undefined {
  const kept: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (line.startsWith('$ ')) kept.push(line.slice(2));
    else if (continuing) kept.push(line.replace(/^> /, ''));
    else continue;
    continuing = /\\$/.test(line);
  }
  return finish(kept);
}

function taggedCommand(lines: string[]): string | undefined {
  const logical = splitLogical(lines);
  if (!logical.some((cmd) => classify(lines[cmd.start] ?? '') === 'shell')) return undefined;
  const out = lines.slice();
  for (const cmd of logical) {
    if (classify(lines[cmd.start] ?? '') !== 'prose') continue;
    for (let i = cmd.start; i <= cmd.end; i++) out[i] = `# ${out[i] ?? ''}`;
  }
  return finish(out);
}

function untaggedCommand(lines: string[]): ShellBlock {
  const logical = splitLogical(lines);
  let commands = 0;
  for (const cmd of logical) {
    const start = (lines[cmd.start] ?? '').trim();
    if (start.startsWith('#')) continue;
    if (!startsWithKnownCommand(start)) return { shellish: false };
    commands++;
  }
  return commands ? { shellish: true, command: finish(lines) } : { shellish: false };
}

function startsWithKnownCommand(line: string): boolean {
  const words = line.split(/\s+/);
  while (words.length > 1 && /^[A-Za-z_]\w*=/.test(words[0] ?? '')) words.shift(); // FOO=bar cmd
  const word = words[0] ?? '';
  return knownCommands.has(word) || /^(\.{0,2}\/|~\/)\S/.test(word) || /^[A-Za-z_]\w*=\S*$/.test(word);
}

/** A block with nothing but comments and blanks runs nothing; offering it as a command would pass vacuously. */
function finish(lines: string[]): string | undefined {
  const text = lines.join('\n').replace(/^(\s*\n)+/, '').replace(/(\n\s*)+$/, '');
  return text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#')) ? text : undefined;
}

type LineKind = 'blank' | 'comment' | 'prose' | 'shell';

function classify(line: string): LineKind {
  const t = line.trim();
  if (!t) return 'blank';
  if (t.startsWith('#')) return 'comment';
  const prose =
    /^([-*+•]|\d+[.)])\s/.test(t) || // Markdown list item
    /^[^\x00-\x7F]/.test(t) || // checkbox glyphs, bullets, emoji
    /^\[[A-Z]/.test(t) || // "[INCIDENT UPDATE] …" (while `[ -f x ]` and `[[ … ]]` stay shell)
    /^["'](?![$/.~])/.test(t) || // a quoted message, not a quoted command path
    /^[a-z][a-z+.-]*:\/\//i.test(t) || // a bare URL
    /^[A-Za-z][\w./()-]*:(\s|$)/.test(t) || // "Key: value"
    /^[A-Z][\w()-]*(\s+[A-Za-z][\w()-]*){0,4}:(\s|$)/.test(t) || // "Next update: [Time]"
    /^[A-Z][a-z]+(\s+[a-z][a-z'-]*){2,}[\w\s,.'()-]*$/.test(t); // an English sentence
  return prose ? 'prose' : 'shell';
}

interface Logical {
  start: number;
  end: number;
}

/**
 * Splits lines into logical commands, so a line inside a multi-line quote, a `\` continuation, a pipe
 * continued on the next line or a heredoc is judged with the command it belongs to (SQL inside
 * `psql -c "…"` is not prose). Linear in the block's length.
 */
function splitLogical(lines: string[]): Logical[] {
  const out: Logical[] = [];
  let quote: string | null = null;
  let heredoc: { word: string; dash: boolean } | null = null;
  let current: Logical | null = null;
  lines.forEach((line, index) => {
    if (heredoc) {
      if ((heredoc.dash ? line.trim() : line) === heredoc.word) heredoc = null;
      if (current) current.end = index;
      return;
    }
    if (!current && !quote && line.trim() === '') return;
    if (!current) out.push((current = { start: index, end: index }));
    current.end = index;
    let code = '';
    let pendingHeredoc: { word: string; dash: boolean } | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i] ?? '';
      if (quote === "'") {
        if (c === "'") quote = null;
      } else if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = null;
      } else if (c === '\\') {
        code += line.slice(i, i + 2);
        i++;
        continue;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break;
      else if (c === '<' && line.startsWith('<<', i) && line[i + 2] !== '<') {
        const match = /^<<(-?)\s*(['"]?)([A-Za-z_]\w*)\2/.exec(line.slice(i));
        if (match) pendingHeredoc = { word: match[3] ?? '', dash: match[1] === '-' };
      }
      code += c;
    }
    heredoc = pendingHeredoc;
    const continues = quote !== null || heredoc !== null || /(\\|\||&&|\|\|)\s*$/.test(code);
    if (!continues) current = null;
  });
  return out;
}
