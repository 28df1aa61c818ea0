// Adds a command the responder ran during an incident to a runbook file as its new last step, so the next
// responder has it: a YAML step inserted as text after the last one (the rest of the file, its comments and
// layout, byte for byte as it was: a team reviews the change as a diff), or a Markdown heading with a fenced
// bash block (the importer reads that as a step). The new text is read back through the same parser as the
// library before anything is written: if it is not a valid runbook ending in the new step, or it has
// problems the file did not have, the file is not touched.
import { chmodSync, readFileSync, realpathSync, statSync, accessSync, constants, writeFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { Document, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { HoldfastError, type LibraryRunbook } from '../../contract';
import { writeAtomically } from '../exports/atomicFile';
import { importMarkdownRunbook } from './markdownImport';
import { parseYamlRunbook } from './yamlRunbook';

interface NewStep {
  order: number;
  description: string;
  command: string;
}

export async function appendCommandStep(runbook: LibraryRunbook, command: string, description: string): Promise<{ path: string; order: number }> {
  const path = runbook.source.path;
  if (runbook.source.origin !== 'user') {
    throw new HoldfastError('conflict', `${runbook.title} is a built-in runbook and cannot be changed here; copy it into one of your runbook folders (Settings → Runbook folders) and add the step there.`);
  }
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new HoldfastError('conflict', `${path} is not writable, so the step cannot be added.`);
  }
  const original = readFileSync(path, 'utf8');
  const format = runbook.source.format;
  const order = Math.max(0, ...runbook.steps.map((step) => step.order)) + 1;
  const updated = format === 'yaml' ? withYamlStep(original, path, { order, description, command }) : withMarkdownStep(original, description, command);

  const before = parse(path, format, original);
  const after = parse(path, format, updated);
  const last = after.runbook?.steps.at(-1);
  // Warnings the file already had are not the new step's fault.
  const known = new Set(before.problems.map((problem) => problem.message));
  const added = after.problems.find((problem) => !known.has(problem.message));
  if (!after.runbook || added || !last || last.command?.trim() !== command.trim()) {
    const why = added ? `${added.line}:${added.column} ${added.message}` : 'the new step would not be read back as the last step';
    throw new HoldfastError('conflict', `Adding the step would have broken ${path} (${why}); the file was left as it was.`);
  }
  // Through a symbolic link (a runbook linked into the folder), the linked file is what changes; its mode stays.
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  await writeAtomically(target, (tempPath) => {
    writeFileSync(tempPath, updated, { encoding: 'utf8', flag: 'wx' });
    chmodSync(tempPath, mode);
  });
  return { path, order: last.order };
}

function parse(path: string, format: LibraryRunbook['source']['format'], text: string) {
  return format === 'yaml' ? parseYamlRunbook(path, text) : importMarkdownRunbook(path, text);
}

/** The step as block YAML, inserted after the end of the last item of a block `steps:` list, indented as
 * its first item is. A flow list (`steps: [ … ]`) is rewritten by the YAML library instead. */
function withYamlStep(source: string, path: string, step: NewStep): string {
  const document = parseDocument(source);
  const steps = isMap(document.contents) ? document.contents.get('steps', true) : undefined;
  if (!isSeq(steps) || steps.items.length === 0) throw new HoldfastError('conflict', `${path} has no steps list to add to.`);
  const first = steps.items[0] as YamlNode;
  const last = steps.items.at(-1) as YamlNode;
  const itemPrefix = first.range ? source.slice(lineStart(source, first.range[0]), first.range[0]) : '';
  if (steps.flow || !last.range || !/^ *- +$/.test(itemPrefix)) {
    steps.add(document.createNode(step));
    return document.toString({ lineWidth: 0 });
  }
  const indent = ' '.repeat(itemPrefix.length);
  const lines = new Document(step).toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  const block = lines.map((line, index) => (index === 0 ? itemPrefix + line : line ? indent + line : line)).join('\n');
  let at = last.range[1];
  if (source[at - 1] !== '\n') at = source.includes('\n', at) ? source.indexOf('\n', at) + 1 : source.length;
  const head = source.slice(0, at);
  // Steps written with a blank line between them get one before the new step too.
  const spaced = /\n[ \t]*\n$/.test(source.slice(0, lineStart(source, last.range[0])));
  const added = `${head.endsWith('\n') ? '' : '\n'}${spaced ? '\n' : ''}${block}\n`;
  return head + inLineEndingsOf(source, added) + source.slice(at);
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function withMarkdownStep(source: string, description: string, command: string): string {
  // A fence longer than any backtick run in the command, so the command can contain ``` itself.
  const longestRun = Math.max(2, ...(command.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const heading = description.replace(/\s+/g, ' ').trim();
  // A sibling of the last section, not a subsection of it (which would read as part of the last step).
  const headings = new MarkdownIt({ html: true }).parse(source, {}).filter((token) => token.type === 'heading_open');
  const last = headings.at(-1);
  const isTitle = last?.tag === 'h1' && headings.find((token) => token.tag === 'h1') === last;
  const level = last && !isTitle ? Number(last.tag.slice(1)) : 2;
  const added = `\n\n${'#'.repeat(level)} ${heading}\n\n${fence}bash\n${command.trim()}\n${fence}\n`;
  return source.replace(/\s*$/, '') + inLineEndingsOf(source, added);
}

/** A file written on Windows keeps its CRLF line endings in the lines added to it. */
function inLineEndingsOf(source: string, added: string): string {
  return source.includes('\r\n') ? added.replace(/\r?\n/g, '\r\n') : added;
}
