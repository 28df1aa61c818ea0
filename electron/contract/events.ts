// Events the host pushes to every connected renderer, unasked.
import { z } from 'zod';
import { connectivitySchema } from './methods';
import { settingsSchema } from './settings';

export const events = {
  'connectivity.changed': connectivitySchema,
  'settings.changed': settingsSchema,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export const eventNames = Object.keys(events) as EventName[];
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

/** One pushed event, discriminated by name so a listener narrows the payload with a switch. */
export type HostEvent = { [E in EventName]: { event: E; payload: PayloadOf<E> } }[EventName];
