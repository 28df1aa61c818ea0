// Request/response methods: the only way a renderer (or any client) asks the host for something.
// Each entry names its params and result schemas; shells generate their handlers from this map.
import { z } from 'zod';
import { incidentMethods } from './incidentMethods';
import { runbookMethods } from './runbookMethods';
import { terminalMethods } from './terminalMethods';
import { settingsPatchSchema, settingsSchema } from './settings';

const noParams = z.object({}).strict();

export const shellKinds = ['electron', 'browser'] as const;

export const appDescriptionSchema = z.object({
  productName: z.string(),
  version: z.string(),
  shell: z.enum(shellKinds),
  dataDir: z.string(),
  platform: z.string(),
  /** Things the user must know about that keep part of the console from working (e.g. an unreadable database). */
  problems: z.array(z.string()),
});
export type AppDescription = z.infer<typeof appDescriptionSchema>;

export const connectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'unknown']),
  /** What the verdict rests on, in the user's words ("Team hub reachable", "No network interface is up"). */
  reason: z.string(),
  /** ISO-8601 UTC time of the probe behind the verdict. */
  checkedAt: z.string(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

export const methods = {
  'app.describe': { params: noParams, result: appDescriptionSchema },
  'settings.get': { params: noParams, result: settingsSchema },
  'settings.update': { params: settingsPatchSchema, result: settingsSchema },
  'connectivity.get': { params: noParams, result: connectivitySchema },
  'connectivity.recheck': { params: noParams, result: connectivitySchema },
  ...incidentMethods,
  ...runbookMethods,
  ...terminalMethods,
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type MethodName = keyof typeof methods;
export const methodNames = Object.keys(methods) as MethodName[];
export type ParamsOf<M extends MethodName> = z.input<(typeof methods)[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
