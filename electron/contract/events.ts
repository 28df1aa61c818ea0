// Events the host pushes to every connected renderer, unasked.
import { z } from 'zod';
import { connectivitySchema } from './methods';
import { timelineEventSchema } from './incidents';
import { settingsSchema } from './settings';
import { terminalIdSchema, terminalInfoSchema } from './terminals';

export const events = {
  'connectivity.changed': connectivitySchema,
  'settings.changed': settingsSchema,
  /** An incident's record changed (status, fields, action items, evidence): lists and views refresh it. */
  'incident.changed': z.object({ incidentId: z.string(), humanId: z.string() }),
  'timeline.appended': timelineEventSchema,
  /** The runbook library changed on disk (a folder was edited, pulled or added). */
  'runbooks.changed': z.object({ runbooks: z.number().int(), filesWithProblems: z.number().int() }),
  /** A terminal started, exited, was renamed, changed directory or capture state. */
  'terminal.changed': terminalInfoSchema,
  'terminal.closed': z.object({ terminalId: terminalIdSchema }),
  'export.progress': z.object({ incidentId: z.string(), format: z.string(), done: z.number(), total: z.number(), stage: z.string() }),
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export const eventNames = Object.keys(events) as EventName[];
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

/** One pushed event, discriminated by name so a listener narrows the payload with a switch. */
export type HostEvent = { [E in EventName]: { event: E; payload: PayloadOf<E> } }[EventName];
