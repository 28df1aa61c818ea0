// Holdfast's runbook format: a superset of the playbooks' runbook shape (seed 001: id, title, scenario,
// severity, steps, verification, contacts), plus what the other playbooks need (triggers with thresholds,
// exit criteria, escalation levels with time limits) and what a console needs to run steps safely
// (variables with secrets, per-step requirements and offline alternatives, expectations, break-glass
// confirmation). YAML runbooks are validated against `runbookSchema` (unknown fields are errors);
// Markdown runbooks are imported into the same shape.
import { z } from 'zod';

const text = z.string().trim().min(1);
const optionalText = z.string().optional();

/** Capabilities a step may need; the console knows which it has offline. */
export const stepRequirements = ['network', 'vpn', 'kubectl', 'psql', 'cloud-cli', 'internet', 'hub'] as const;

export const runbookVariableSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a shell variable name (letters, digits, _; not starting with a digit)'),
    description: optionalText,
    default: z.string().optional(),
    /** Masked when asked; never written to the timeline or evidence. */
    secret: z.boolean().optional(),
  })
  .strict();

export const stepExpectationSchema = z
  .object({
    exitCode: z.number().int().min(0).max(255).optional(),
    /** A regular expression the step's output must match for the step to pass. */
    output: z.string().optional(),
  })
  .strict();

export const breakGlassSchema = z
  .object({
    /** What the responder must type to unlock the step (e.g. the production cluster's name). */
    target: text,
    /** Why this step is dangerous, shown before the responder confirms. */
    warning: optionalText,
  })
  .strict();

export const runbookStepSchema = z
  .object({
    order: z.number().int().positive(),
    description: text,
    command: optionalText,
    expectedOutcome: optionalText,
    rollbackProcedure: optionalText,
    /** A command that undoes this step, offered when it fails. */
    rollbackCommand: optionalText,
    notes: optionalText,
    requires: z.array(z.enum(stepRequirements)).optional(),
    offlineAlternative: optionalText,
    expect: stepExpectationSchema.optional(),
    confirm: breakGlassSchema.optional(),
    /** Reference text kept with the step (tables and prose of an imported Markdown runbook). */
    reference: optionalText,
    /** Runme-compatible block settings (name, cwd, excludeFromRunAll, …) of an imported code block. */
    settings: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).optional(),
  })
  .strict();

export const verificationSchema = z.object({ description: text, command: optionalText, expected: optionalText }).strict();

export const contactSchema = z
  .object({ role: text, name: optionalText, phone: optionalText, email: optionalText, slack: optionalText, priority: optionalText })
  .strict();

export const runbookTriggerSchema = z
  .object({
    id: text,
    /** Severity an incident from this trigger starts with. */
    severity: optionalText,
    threshold: optionalText,
    description: optionalText,
  })
  .strict();

export const escalationLevelSchema = z
  .object({
    level: z.number().int().positive(),
    role: text,
    responsibilities: z.array(text).optional(),
    criteria: z.array(text).optional(),
    /** Escalate to the next level if not resolved within this many minutes. */
    timeLimitMinutes: z.number().int().positive().optional(),
  })
  .strict();

export const runbookSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be letters, digits, ".", "_" or "-"'),
    title: text,
    scenario: optionalText,
    severity: optionalText,
    tags: z.array(text).optional(),
    triggers: z.array(runbookTriggerSchema).optional(),
    variables: z.array(runbookVariableSchema).optional(),
    steps: z.array(runbookStepSchema).min(1, 'a runbook needs at least one step'),
    verification: z.array(verificationSchema).optional(),
    exitCriteria: z.array(text).optional(),
    escalation: z.array(escalationLevelSchema).optional(),
    contacts: z.array(contactSchema).optional(),
  })
  .strict();

export type RunbookStep = z.infer<typeof runbookStepSchema>;
export type Runbook = z.infer<typeof runbookSchema>;

export const runbookSourceSchema = z.object({
  path: z.string(),
  format: z.enum(['yaml', 'markdown']),
  /** Where the runbook came from: shipped with Holdfast, or a folder the user added. */
  origin: z.enum(['built-in', 'user']),
  sha256: z.string(),
});

/** A runbook as the library holds it: the runbook plus where it came from. */
export const libraryRunbookSchema = runbookSchema.extend({ source: runbookSourceSchema });
export type LibraryRunbook = z.infer<typeof libraryRunbookSchema>;

export const runbookProblemSchema = z.object({
  path: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});
/** One thing wrong with a runbook file, where it is (1-based line and column). */
export type RunbookProblem = z.infer<typeof runbookProblemSchema>;

export const runbookSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  scenario: z.string().optional(),
  severity: z.string().optional(),
  tags: z.array(z.string()),
  triggers: z.array(z.string()),
  stepCount: z.number().int(),
  origin: runbookSourceSchema.shape.origin,
  path: z.string(),
});
export type RunbookSummary = z.infer<typeof runbookSummarySchema>;

export const runbookFileReportSchema = z.object({ path: z.string(), origin: runbookSourceSchema.shape.origin, problems: z.array(runbookProblemSchema) });
export type RunbookFileReport = z.infer<typeof runbookFileReportSchema>;

// ---- Guided runs: a runbook walked step by step inside an incident ----

export const runItemStates = ['pending', 'running', 'done', 'skipped', 'failed'] as const;
export type RunItemState = (typeof runItemStates)[number];

/** Checklist items of a run: each step, each verification, each exit criterion. */
export const runItemKeySchema = z.string().regex(/^(step|verify|exit):\d+$/, 'must be step:N, verify:N or exit:N');

export const runItemStatusSchema = z.object({
  state: z.enum(runItemStates),
  reason: z.string().optional(),
  at: z.string(),
  by: z.string(),
});

export const runbookRunSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  runbookId: z.string(),
  /** The runbook as it was when the run started: later edits to the file do not change a run. */
  runbook: libraryRunbookSchema,
  /** Values of non-secret variables; secret values never leave the responder's console. */
  variables: z.record(z.string(), z.string()),
  startedAt: z.string(),
  startedBy: z.string(),
  items: z.record(z.string(), runItemStatusSchema),
});
export type RunbookRun = z.infer<typeof runbookRunSchema>;
