// Walks markdown-it's block tokens once, in document order, and finds a runbook in any Markdown layout:
//  - ordered lists and checklists (`- [ ]`) at the top level: one step per item;
//  - a paragraph that is entirely bold and starts with "Step N" (`**Step 1: Disable …**`): one step;
//  - a shell block with no step open (a heading whose body is a ```bash block): one step titled by the
//    heading, or by the paragraph right before it when that ends with ":" ("Then restart the API:").
// Shell blocks attach to the step they are inside or follow. Everything else (prose, tables, other blocks)
// is reference text of the open step; text under a section with no open step waits for the next step in
// the same or a sibling section (a "Detection Baseline" before "Actions"), and is dropped when that scope
// closes. Headings close the open step, and so does a `---` rule.
import MarkdownIt from 'markdown-it';
import type { Runbook, RunbookProblem, RunbookStep } from '../../contract/runbooks';
import { parseEmbeddedRunbook, type EmbeddedRunbook } from './embeddedRunbooks';
import { parseFenceInfo, type SettingValue } from './fenceSettings';
import { collectTableTriggers, tableRows } from './markdownTables';
import { listsAlternatives, shellBlock, type ShellBlock } from './shellText';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface StepDraft {
  /** 1-based line of the list item, paragraph or fence the step came from. */
  line: number;
  description: string;
  commands: string[];
  reference: string[];
  settings: Record<string, SettingValue>;
  /** Fields set elsewhere: an embedded runbook's step, or `expect`/`confirm` fence attributes. */
  extra: Partial<RunbookStep>;
}

export interface MarkdownOutline {
  title?: string;
  scenario?: string;
  severity?: string;
  steps: StepDraft[];
  triggers: NonNullable<Runbook['triggers']>;
  exitCriteria: string[];
  escalation: NonNullable<Runbook['escalation']>;
  verification: NonNullable<Runbook['verification']>;
  contacts: NonNullable<Runbook['contacts']>;
  variables: NonNullable<Runbook['variables']>;
  problems: RunbookProblem[];
}

interface Heading {
  id: number;
  level: number;
  text: string;
}
interface Pending {
  own: number[];
  /** Sibling sections may use it; empty for code in other languages (a TypeScript interface is no one's context). */
  parent: number[];
  text: string;
}

/** Waiting text is context for one step; keeping it bounded keeps huge step-less documents linear. */
const pendingLimit = 20;

export function outlineMarkdown(source: string, path: string): MarkdownOutline {
  const tokens = new MarkdownIt({ html: true }).parse(source, {});
  const lines = source.split('\n');
  const out: MarkdownOutline = { steps: [], triggers: [], exitCriteria: [], escalation: [], verification: [], contacts: [], variables: [], problems: [] };
  const stack: Heading[] = []; // section path, without the title heading
  const intro: string[] = [];
  let headings = 0;
  let titleSeen = false;
  let overview: string | undefined;
  let overviewNext = false;
  let current: StepDraft | undefined;
  let pending: Pending[] = [];
  let lastParagraph: { text: string; remove: () => void } | undefined;
  let escalationList: string[] | undefined;

  const ids = (headingsPath: Heading[]) => headingsPath.map((h) => h.id);
  const isPrefix = (prefix: number[], path: number[]) => prefix.every((id, k) => path[k] === id);
  const lineOf = (token: Token) => (token.map?.[0] ?? 0) + 1;
  const slice = (token: Token) => dedent(lines.slice(token.map?.[0] ?? 0, token.map?.[1] ?? 0));

  const sectionLabel = (): string => {
    const tail = stack.slice(-2);
    return tail.map((h, k) => (k < tail.length - 1 ? shortLabel(h.text) : h.text)).join(' › ');
  };
  const describe = (text: string): string => {
    const label = sectionLabel();
    if (!label) return text;
    return label + (/:\s/.test(stack[stack.length - 1]?.text ?? '') ? ' › ' : ': ') + text;
  };

  const addContent = (text: string, siblings = true): (() => void) => {
    if (!text.trim()) return () => undefined;
    if (current) {
      const list = current.reference;
      list.push(text);
      return () => void list.splice(list.lastIndexOf(text), 1);
    }
    if (!stack.length) return () => undefined; // document-level text is the scenario, not a step's reference
    const entry = { own: ids(stack), parent: siblings ? ids(stack.slice(0, -1)) : [], text };
    pending.push(entry);
    if (pending.length > pendingLimit) pending.shift();
    return () => void (pending = pending.filter((p) => p !== entry));
  };

  const newStep = (line: number, description: string): StepDraft => {
    const step: StepDraft = { line, description, commands: [], reference: pending.map((p) => p.text), settings: {}, extra: {} };
    pending = [];
    out.steps.push(step);
    current = step;
    return step;
  };

  const attachBlock = (step: StepDraft, block: ShellBlock, info: ReturnType<typeof parseFenceInfo>, text: string) => {
    if (!block.command) {
      step.reference.push(text);
      return;
    }
    step.commands.push(block.command);
    if (listsAlternatives(block.command)) {
      // "git revert …  # OR  git reset --hard …": running the block runs every alternative; keep it out of run-all.
      step.settings.excludeFromRunAll = true;
      step.extra.notes ??= 'This block lists alternatives ("# OR"): run only the one you need.';
    }
    for (const [key, value] of Object.entries(info.settings)) if (!(key in step.settings)) step.settings[key] = value;
    if (info.expect) step.extra.expect ??= info.expect;
    if (info.confirm) step.extra.confirm ??= info.confirm;
  };

  const expandEmbedded = (embedded: EmbeddedRunbook, line: number, text: string) => {
    out.problems.push(...embedded.problems);
    const runbook = embedded.runbook;
    if (!runbook) return void addContent(text);
    for (const { order: _order, description, command, ...extra } of runbook.steps) {
      const step = newStep(line, `${runbook.title} › ${description}`);
      if (command) step.commands.push(command);
      step.extra = extra;
    }
    for (const check of runbook.verification ?? []) out.verification.push({ ...check, description: `${runbook.title} › ${check.description}` });
    for (const contact of runbook.contacts ?? []) out.contacts.push(contact);
    for (const variable of runbook.variables ?? []) if (!out.variables.some((v) => v.name === variable.name)) out.variables.push(variable);
    current = undefined; // text after the fence belongs to the document, not to the embedded runbook's last step
  };

  const onHeading = (token: Token, text: string) => {
    current = undefined;
    lastParagraph = undefined;
    escalationList = undefined;
    if (token.tag === 'h1' && !titleSeen) {
      titleSeen = true;
      out.title = text;
      return;
    }
    const level = Number(token.tag.slice(1));
    while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({ id: ++headings, level, text });
    const now = ids(stack);
    pending = pending.filter((p) => isPrefix(p.own, now) || (p.parent.length > 0 && isPrefix(p.parent, now)));
    overviewNext = /^(overview|summary|purpose|description|about)$/i.test(text);
    const level_ = /^level\s+(\d+)\s*[:.\-–—]\s*(.+)$/i.exec(text);
    if (level_ && Number(level_[1]) > 0 && stack.slice(0, -1).some((h) => /escalation/i.test(h.text))) {
      out.escalation.push({ level: Number(level_[1]), role: (level_[2] ?? '').trim() });
    }
  };

  const onParagraph = (token: Token, raw: string) => {
    lastParagraph = undefined;
    const bold = /^(\*\*|__)\s*(step\s+\d+\b[\s\S]*?)\1\s*:?$/i.exec(raw);
    if (bold && !(bold[2] ?? '').includes(bold[1] ?? '')) {
      const inner = collapse(bold[2] ?? '');
      newStep(lineOf(token), describe(inner.replace(/^step\s+\d+\s*[:.)\-–—]?\s*/i, '') || inner));
      return;
    }
    const label = /^(?:\*\*|__)\s*(responsibilities|escalation criteria|criteria)\s*:?\s*(?:\*\*|__)\s*:?$/i.exec(raw);
    const level = out.escalation[out.escalation.length - 1];
    escalationList = undefined;
    if (label && level && stack.some((h) => /escalation/i.test(h.text))) {
      escalationList = /responsib/i.test(label[1] ?? '') ? (level.responsibilities ??= []) : (level.criteria ??= []);
    }
    if (!current && !stack.length) {
      intro.push(collapse(raw));
      out.severity ??= /(?:^|\n)\s*(?:\*\*|__)?severity(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*([^\n*]+)/i.exec(raw)?.[1]?.trim();
    } else if (overviewNext && overview === undefined) overview = collapse(raw);
    overviewNext = false;
    const remove = addContent(slice(token));
    lastParagraph = { text: raw, remove };
  };

  const onFence = (token: Token) => {
    const info = token.type === 'code_block' ? { language: '', settings: {} } : parseFenceInfo(token.info);
    const block = shellBlock(info.language, token.content, info.settings);
    const text = slice(token);
    const intro = lastParagraph;
    lastParagraph = undefined;
    if (!block.shellish) {
      const embedded = /^ya?ml$/.test(info.language) ? parseEmbeddedRunbook(token.content, lineOf(token), path) : undefined;
      if (embedded) expandEmbedded(embedded, lineOf(token), text);
      else addContent(text, false);
      return;
    }
    let step = current;
    const introText = intro && /:\s*$/.test(intro.text) && intro.text.split(/\s+/).length >= 3 ? collapse(intro.text).replace(/\s*:$/, '') : undefined;
    if (intro && introText) {
      intro.remove();
      step = newStep(lineOf(token), describe(introText));
    } else if (!step) {
      const comment = /^#\s*(\S.*)$/m.exec(block.command ?? '')?.[1];
      step = newStep(lineOf(token), sectionLabel() || comment || out.title || 'Run the commands');
    }
    attachBlock(step, block, info, text);
  };

  const onList = (start: number, end: number) => {
    const list = tokens[start] as Token;
    const items = childBlocks(tokens, start, end);
    const itemText = (item: [number, number]) => {
      const first = childBlocks(tokens, item[0], item[1])[0];
      return first && tokens[first[0]]?.type === 'paragraph_open' ? (tokens[first[0] + 1]?.content ?? '') : '';
    };
    const texts = items.map(itemText);
    lastParagraph = undefined;
    if (escalationList) escalationList.push(...texts.map(collapse).filter(Boolean));
    escalationList = undefined;
    if (/exit criteria/i.test(stack[stack.length - 1]?.text ?? '')) {
      out.exitCriteria.push(...texts.map(collapse).filter(Boolean).map(describe));
      return;
    }
    const checklist = texts.length > 0 && texts.every((text) => /^\[[ xX]\]\s/.test(text));
    if (list.type !== 'ordered_list_open' && !checklist) return void addContent(slice(list));
    items.forEach((item, n) => {
      const description = collapse((texts[n] ?? '').replace(/^\[[ xX]\]\s+/, ''));
      const step = newStep(lineOf(tokens[item[0]] as Token), describe(description || `item ${n + 1}`));
      childBlocks(tokens, item[0], item[1]).forEach(([childStart], k) => {
        const child = tokens[childStart] as Token;
        if (k === 0 && child.type === 'paragraph_open' && description) return;
        if (child.type !== 'fence' && child.type !== 'code_block') return void step.reference.push(slice(child));
        const info = child.type === 'fence' ? parseFenceInfo(child.info) : { language: '', settings: {} };
        attachBlock(step, shellBlock(info.language, child.content, info.settings), info, slice(child));
      });
    });
  };

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    const end = closeIndex(tokens, i);
    if (token.type === 'heading_open') onHeading(token, collapse(tokens[i + 1]?.content ?? ''));
    else if (token.type === 'paragraph_open') onParagraph(token, (tokens[i + 1]?.content ?? '').trim());
    else if (token.type === 'ordered_list_open' || token.type === 'bullet_list_open') onList(i, end);
    else if (token.type === 'fence' || token.type === 'code_block') onFence(token);
    else if (token.type === 'hr') current = lastParagraph = undefined;
    else {
      if (token.type === 'table_open') collectTableTriggers(tableRows(tokens, i, end), stack[stack.length - 1]?.text ?? '', out.triggers);
      lastParagraph = undefined;
      addContent(slice(token));
    }
    i = end + 1;
  }
  out.scenario = intro.join('\n\n') || overview;
  return out;
}

/** Index of the token that closes the block opened at `start` (itself for self-contained tokens). */
function closeIndex(tokens: Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += (tokens[i] as Token).nesting;
    if (depth <= 0) return i;
  }
  return tokens.length - 1;
}

/** Direct child blocks of the block spanning `start`..`end`, as [open, close] index pairs. */
function childBlocks(tokens: Token[], start: number, end: number): [number, number][] {
  const children: [number, number][] = [];
  const level = (tokens[start] as Token).level + 1;
  for (let i = start + 1; i < end; i++) {
    const token = tokens[i] as Token;
    if (token.level !== level || token.nesting < 0) continue;
    const close = closeIndex(tokens, i);
    children.push([i, close]);
    i = close;
  }
  return children;
}

function shortLabel(text: string): string {
  return /^(.{1,24}?):\s/.exec(text)?.[1] ?? text;
}

function collapse(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function dedent(block: string[]): string {
  // A loop, not Math.min(...lines): spreading a 100 000-line block overflows the call stack.
  let indent = Infinity;
  for (const line of block) if (line.trim()) indent = Math.min(indent, line.length - line.trimStart().length);
  return block
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .replace(/\s+$/, '');
}
