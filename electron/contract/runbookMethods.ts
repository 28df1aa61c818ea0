// Contract methods of the runbook library and of guided runs inside incidents.
import { z } from 'zod';
import { libraryRunbookSchema, runbookFileReportSchema, runbookRunSchema, runbookSummarySchema, runItemKeySchema, runItemStates } from './runbooks';

const incidentRef = z.string().min(1).max(64);

export const runbookMethods = {
  'runbooks.list': {
    params: z.object({ query: z.string().max(500).optional() }).strict(),
    result: z.object({ runbooks: z.array(runbookSummarySchema), problems: z.array(runbookFileReportSchema) }),
  },
  'runbooks.get': { params: z.object({ id: z.string().min(1).max(200) }).strict(), result: libraryRunbookSchema },
  'runbooks.forTrigger': { params: z.object({ triggerId: z.string().min(1).max(200) }).strict(), result: z.array(runbookSummarySchema) },
  'runbooks.reload': { params: z.object({}).strict(), result: z.object({ runbooks: z.number().int(), filesWithProblems: z.number().int() }) },
  'runs.start': {
    params: z.object({ incidentId: incidentRef, runbookId: z.string().min(1).max(200), variables: z.record(z.string(), z.string().max(10_000)) }).strict(),
    result: runbookRunSchema,
  },
  /** Sets or corrects variables of a run under way (a value only known at the step that needs it). */
  'runs.setVariables': {
    params: z.object({ runId: z.string().min(1).max(64), variables: z.record(z.string(), z.string().max(10_000)) }).strict(),
    result: runbookRunSchema,
  },
  'runs.list': { params: z.object({ incidentId: incidentRef }).strict(), result: z.array(runbookRunSchema) },
  'runs.setItem': {
    params: z
      .object({
        runId: z.string().min(1),
        key: runItemKeySchema,
        state: z.enum(runItemStates),
        reason: z.string().trim().max(2_000).optional(),
        confirmation: z.object({ typedTarget: z.string().max(500), reason: z.string().max(2_000) }).strict().optional(),
      })
      .strict(),
    result: runbookRunSchema,
  },
} as const;
