// Imports a Markdown runbook, as teams actually write them, into Holdfast's runbook shape without edits:
// front matter → metadata; headings → sections; lists, "**Step N**" paragraphs and shell blocks → steps
// (markdownSteps.ts); Runme fence settings → step settings (fenceSettings.ts); what a responder can run →
// commands (shellText.ts). Never throws: a file that cannot be imported is reported as problems.
// markdown-it is linear in the input and every pass here is too, so a 5 MB file cannot hang the library.
import { basename, extname, posix } from 'node:path';
import { runbookSchema, type Runbook, type RunbookProblem, type RunbookStep } from '../../contract/runbooks';
import { metadataFromFrontMatter, readFrontMatter, type FrontMatterMetadata } from './frontMatter';
import { outlineMarkdown, type StepDraft } from './markdownSteps';
import { errorMessage } from '../../contract';

export { extractEmbeddedRunbooks, type EmbeddedRunbook } from './embeddedRunbooks';

export interface MarkdownImport {
  runbook?: Runbook;
  problems: RunbookProblem[];
}

const idPattern = /^[a-z0-9][a-z0-9._-]*$/i;

export function importMarkdownRunbook(path: string, content: string): MarkdownImport {
  try {
    return importUnchecked(path, content);
  } catch (error) {
    const message = errorMessage(error);
    return { problems: [{ path, line: 1, column: 1, message: `could not import this Markdown runbook: ${message}` }] };
  }
}

function importUnchecked(path: string, content: string): MarkdownImport {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(path, text);
  const meta = metadataFromFrontMatter(front.data);
  const outline = outlineMarkdown(front.body, path);
  const problems: RunbookProblem[] = [...front.problems, ...outline.problems];
  if (!outline.steps.length) {
    problems.push({
      path,
      line: 1,
      column: 1,
      message:
        'no steps found: write steps as an ordered list (1. …), a checklist (- [ ] …), "**Step 1: …**" paragraphs, ' +
        'or headings each followed by a ```bash code block',
    });
    return { problems };
  }

  let id = fileSlug(path);
  if (meta.id !== undefined) {
    if (idPattern.test(meta.id)) id = meta.id;
    else problems.push({ path, line: 2, column: 1, message: `front matter id "${meta.id}" must be letters, digits, ".", "_" or "-"; using "${id}"` });
  }
  const triggers = [...(meta.triggers ?? [])];
  for (const trigger of outline.triggers) if (!triggers.some((t) => t.id === trigger.id)) triggers.push(trigger);

  const candidate: Runbook = {
    id,
    title: meta.title ?? outline.title ?? (basename(path, extname(path)) || id),
    steps: outline.steps.map((draft, index) => toStep(draft, index + 1, meta)),
  };
  const optional: Partial<Runbook> = {
    scenario: meta.scenario ?? outline.scenario,
    severity: meta.severity ?? outline.severity,
    tags: meta.tags,
    triggers,
    variables: outline.variables,
    verification: outline.verification,
    exitCriteria: outline.exitCriteria,
    escalation: outline.escalation,
    contacts: outline.contacts,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) Object.assign(candidate, { [key]: value });
  }

  const parsed = runbookSchema.safeParse(candidate);
  if (parsed.success) return { runbook: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    const [first, index] = issue.path;
    const draft = first === 'steps' && typeof index === 'number' ? outline.steps[index] : undefined;
    problems.push({ path, line: draft?.line ?? 1, column: 1, message: `${issue.path.map(String).join('.') || 'runbook'}: ${issue.message}` });
  }
  return { problems };
}

function toStep(draft: StepDraft, order: number, meta: FrontMatterMetadata): RunbookStep {
  const step: RunbookStep = { ...draft.extra, order, description: draft.description };
  if (draft.commands.length) step.command = draft.commands.join('\n\n');
  const reference = [draft.extra.reference, ...draft.reference].filter(Boolean).join('\n\n');
  if (reference) step.reference = reference;
  if (step.command) {
    const settings = { ...draft.extra.settings, ...draft.settings };
    // Runme: document-level cwd/shell apply to every block; a relative block cwd is resolved against the document's.
    if (meta.cwd) {
      const own = settings.cwd;
      settings.cwd = typeof own === 'string' ? (posix.isAbsolute(own) ? own : posix.join(meta.cwd, own)) : meta.cwd;
    }
    if (meta.shell && settings.interpreter === undefined) settings.interpreter = meta.shell;
    if (Object.keys(settings).length) step.settings = settings;
  }
  return step;
}

/** "ops/DB Failover.md" → "db-failover": a runbook without an id in front matter is named after its file. */
export function fileSlug(path: string): string {
  const name = basename(path.replace(/\\/g, '/'), extname(path)).toLowerCase();
  const slug = name.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/-+$/, '');
  return slug || 'runbook';
}
