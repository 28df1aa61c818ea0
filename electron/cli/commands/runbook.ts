// `holdfast runbook lint|show|import`: runbooks from the command line, without the console or a data
// folder: lint a team's runbook repository (in CI too: exit 0 clean, 1 problems, 2 usage), read one
// during an incident in a plain terminal, convert a Markdown runbook into the native YAML format.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { formatBytes, type Runbook, type RunbookProblem } from '../../contract';
import { writeTextAtomically } from '../../host/exports/atomicFile';
import { findRunbookFiles, loadRunbookFile, runbookFormatOf } from '../../host/runbooks/runbookFile';
import { formatYamlRunbook, parseYamlRunbook } from '../../host/runbooks/yamlRunbook';
import { CommandError, UsageError, type CliCommand, type CommandContext } from '../command';

/** A file of the installed package: beside the CLI bundle (dist/cli.js → ../X) or, from source, at the repo root. */
function packageFile(relativePath: string): string {
  const candidates = [`../${relativePath}`, `../../../${relativePath}`].map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)));
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

export const builtInRunbookFolder = (): string => packageFile('runbooks');
export const runbookSchemaFile = (): string => packageFile('resources/schemas/runbook.schema.json');

/** One problem per line whatever its message holds, in the `path:line:col: message` form editors link. */
function problemLine(problem: RunbookProblem): string {
  return `${problem.path}:${problem.line}:${problem.column}: ${problem.message}`.replace(/[\r\n]+/g, ' ') + '\n';
}

const lint: CliCommand = {
  name: 'lint',
  summary: 'Check runbook files (YAML or Markdown; folders are searched recursively)',
  usage: 'PATH...',
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError('at least one runbook file or folder is required', 'holdfast runbook lint');
    const files = findRunbookFiles(context.positionals);
    const idsSeen = new Map<string, string>();
    let problemCount = 0;
    let filesWithProblems = 0;
    for (const path of files) {
      const loaded = loadRunbookFile(path);
      const problems = [...loaded.problems];
      // The library loads only the first runbook with an id; say so here rather than when the console opens.
      const id = loaded.runbook?.id;
      if (id !== undefined && idsSeen.has(id)) problems.push({ path, line: 1, column: 1, message: `runbook id "${id}" is already used by ${idsSeen.get(id)}` });
      else if (id !== undefined) idsSeen.set(id, path);
      problems.forEach((problem) => context.stdout.write(problemLine(problem)));
      problemCount += problems.length;
      if (problems.length) filesWithProblems++;
    }
    const checked = `checked ${files.length} runbook file${files.length === 1 ? '' : 's'}`;
    context.stderr.write(problemCount ? `${checked}: ${problemCount} problem${problemCount === 1 ? '' : 's'} in ${filesWithProblems} file${filesWithProblems === 1 ? '' : 's'}\n` : `${checked}: no problems\n`);
    return problemCount ? 1 : 0;
  },
};

const show: CliCommand = {
  name: 'show',
  summary: 'Show a runbook: a file, or an ID from the built-in library and --library folders',
  usage: 'PATH|ID [--library DIR]... [--json]',
  optionHelp: ['--library DIR   Also search this folder for the ID (repeatable)', '--json          Print the runbook as JSON'],
  options: { library: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  async run(context) {
    const invocation = 'holdfast runbook show';
    const [target, ...extra] = context.positionals;
    if (target === undefined || target.trim() === '') throw new UsageError('a runbook file or ID is required', invocation);
    if (extra.length) throw new UsageError(`expected one runbook file or ID, got ${context.positionals.length}`, invocation);
    const runbook = existsSync(target) ? loadOrReport(context, target) : findById(target, libraryFolders(context));
    if (!runbook) return 1;
    context.stdout.write(context.options.json ? `${JSON.stringify(runbook, null, 2)}\n` : describeRunbook(runbook));
    return 0;
  },
};

function libraryFolders(context: CommandContext): string[] {
  const given = context.options.library;
  const extra = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map(String);
  for (const folder of extra) if (!isFolder(folder)) throw new UsageError(`--library ${folder}: not a folder`, 'holdfast runbook show');
  return [builtInRunbookFolder(), ...extra].filter(isFolder);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function loadOrReport(context: CommandContext, path: string): Runbook | undefined {
  const loaded = loadRunbookFile(path);
  loaded.problems.forEach((problem) => context.stderr.write(problemLine(problem)));
  if (loaded.problems.length || !loaded.runbook) return undefined;
  return loaded.runbook;
}

function findById(id: string, folders: string[]): Runbook {
  let broken = 0;
  for (const path of findRunbookFiles(folders)) {
    const loaded = loadRunbookFile(path);
    if (loaded.runbook?.id === id) return loaded.runbook;
    if (!loaded.runbook) broken++;
  }
  const where = folders.length ? folders.join(', ') : 'no runbook folders';
  const hint = broken ? `; ${broken} file${broken === 1 ? ' has' : 's have'} problems (run "holdfast runbook lint ${folders.join(' ')}")` : '';
  throw new CommandError(`no file or runbook ID "${id}" (searched ${where})${hint}`);
}

/** The runbook as a responder reads it in a terminal: everything in the file, in the order it is used. */
export function describeRunbook(runbook: Runbook): string {
  const out: string[] = [`${runbook.title}  (${runbook.id})`];
  const field = (name: string, value: string | undefined) => value && out.push(`${`${name}:`.padEnd(10)}${value}`);
  const indent = (text: string, spaces: number) => text.replace(/\n+$/, '').split('\n').map((line) => `${' '.repeat(spaces)}${line}`.trimEnd());
  const section = (title: string) => out.push('', title);
  field('Scenario', runbook.scenario);
  field('Severity', runbook.severity);
  field('Tags', runbook.tags?.join(', '));
  if (runbook.triggers?.length) {
    section('Triggers');
    for (const trigger of runbook.triggers) out.push(`  - ${trigger.id}${trigger.severity ? ` (${trigger.severity})` : ''}${trigger.threshold ? `: ${trigger.threshold}` : ''}${trigger.description ? ` — ${trigger.description}` : ''}`);
  }
  if (runbook.variables?.length) {
    section('Variables');
    for (const variable of runbook.variables) {
      const traits = [variable.secret ? 'secret' : '', variable.default !== undefined && !variable.secret ? `default: ${variable.default}` : ''].filter(Boolean);
      out.push(`  - $${variable.name}${traits.length ? ` (${traits.join(', ')})` : ''}${variable.description ? ` — ${variable.description}` : ''}`);
    }
  }
  section('Steps');
  for (const step of [...runbook.steps].sort((a, b) => a.order - b.order)) {
    const number = `${step.order}.`;
    const pad = number.length + 3;
    out.push(`  ${number} ${step.description}`);
    const sub = (name: string, value: string | undefined) => value && out.push(...indent(`${name}: ${value}`, pad));
    if (step.confirm) sub('Break-glass', `type "${step.confirm.target}" to run${step.confirm.warning ? ` — ${step.confirm.warning}` : ''}`);
    if (step.requires?.length) sub('Requires', step.requires.join(', '));
    sub('Offline', step.offlineAlternative);
    if (step.command) out.push(...indent(step.command, pad + 2));
    sub('Expected', step.expectedOutcome);
    if (step.expect) sub('Checks', [step.expect.exitCode !== undefined ? `exit code ${step.expect.exitCode}` : '', step.expect.output ? `output matches /${step.expect.output}/` : ''].filter(Boolean).join(', '));
    sub('Rollback', step.rollbackProcedure);
    if (step.rollbackCommand) out.push(...indent('Rollback command:', pad), ...indent(step.rollbackCommand, pad + 2));
    sub('Notes', step.notes);
    sub('Reference', step.reference);
  }
  if (runbook.verification?.length) {
    section('Verification');
    for (const check of runbook.verification) {
      out.push(`  - ${check.description}`);
      if (check.command) out.push(...indent(check.command, 6));
      if (check.expected) out.push(`    Expected: ${check.expected}`);
    }
  }
  if (runbook.exitCriteria?.length) section('Exit criteria'), runbook.exitCriteria.forEach((criterion) => out.push(`  - ${criterion}`));
  if (runbook.escalation?.length) {
    section('Escalation');
    for (const level of [...runbook.escalation].sort((a, b) => a.level - b.level)) {
      out.push(`  ${level.level}. ${level.role}${level.timeLimitMinutes ? ` (escalate after ${level.timeLimitMinutes} min)` : ''}`);
      level.responsibilities?.forEach((item) => out.push(`       - ${item}`));
      if (level.criteria?.length) out.push(`       When: ${level.criteria.join('; ')}`);
    }
  }
  if (runbook.contacts?.length) {
    section('Contacts');
    for (const contact of runbook.contacts) {
      const ways = [contact.name, contact.phone && `phone ${contact.phone}`, contact.email, contact.slack && `slack ${contact.slack}`, contact.priority && `priority ${contact.priority}`].filter(Boolean);
      out.push(`  - ${contact.role}${ways.length ? `: ${ways.join(', ')}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const importCommand: CliCommand = {
  name: 'import',
  summary: 'Convert a Markdown runbook into the native YAML format',
  usage: 'FILE.md [--out FILE.yaml]',
  optionHelp: ['--out FILE   Write the YAML here (replaced atomically if it exists) instead of to stdout'],
  options: { out: { type: 'string' } },
  async run(context) {
    const invocation = 'holdfast runbook import';
    const [source, ...extra] = context.positionals;
    if (source === undefined || source.trim() === '') throw new UsageError('a Markdown runbook (FILE.md) is required', invocation);
    if (extra.length) throw new UsageError(`expected one Markdown file, got ${context.positionals.length}`, invocation);
    if (runbookFormatOf(source) !== 'markdown') throw new UsageError(`${source}: import reads Markdown runbooks (.md, .markdown)`, invocation);
    const out = context.options.out;
    if (out !== undefined && (typeof out !== 'string' || !out.trim())) throw new UsageError('--out needs a file name', invocation);
    const runbook = loadOrReport(context, source);
    if (!runbook) return 1;
    const target = typeof out === 'string' ? resolve(out) : undefined;
    const yaml = formatYamlRunbook(runbook, { schemaPath: schemaPathFrom(dirname(target ?? resolve('runbook.yaml'))) });
    // The YAML must read back as the same runbook; a difference is our bug, and must not reach a file.
    const reread = parseYamlRunbook(target ?? 'stdout', yaml);
    if (!isDeepStrictEqual(reread.runbook, runbook)) throw new CommandError(`the converted YAML does not read back as the same runbook (${reread.problems[0]?.message ?? 'values differ'}); please report it`);
    if (!target) {
      context.stdout.write(yaml);
      return 0;
    }
    const written = await writeTextAtomically(target, yaml);
    context.stdout.write(`${written.path}  ${formatBytes(written.bytes)}\n`);
    return 0;
  },
};

/** The schema file as seen from the folder the YAML lands in, the way the yaml-language-server resolves it. */
function schemaPathFrom(folder: string): string {
  const schema = runbookSchemaFile();
  const path = relative(folder, schema);
  // Another drive (Windows) has no relative path; a file URL still works offline.
  if (isAbsolute(path)) return pathToFileURL(schema).href;
  const portable = path.split(sep).join('/');
  return portable.startsWith('.') ? portable : `./${portable}`;
}

export const runbookCommand: CliCommand = {
  name: 'runbook',
  summary: 'Runbooks: lint, show, import',
  subcommands: [lint, show, importCommand],
};
