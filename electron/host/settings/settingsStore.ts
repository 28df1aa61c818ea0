// Opens the settings file (settings.json in the data dir) through conf, or electron-store in the Electron
// shell: electron-store is conf with Electron defaults, so both shells share the same file and schema.
// A file that is corrupt or fails the schema is moved aside, never silently overwritten.
import type Conf from 'conf';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, type Settings, settingsFileSchema, settingsSchema } from '../../contract';

export const settingsFileName = 'settings.json';

export type SettingsStore = Pick<Conf<Settings>, 'store' | 'set'>;

export interface SettingsStoreOptions {
  cwd: string;
  configName: string;
  name: string;
  projectName: string;
  schema: typeof settingsFileSchema;
  clearInvalidConfig: false;
}

export function settingsStoreOptions(dataDir: string): SettingsStoreOptions {
  // configName is conf's option, name is electron-store's: both point at <dataDir>/settings.json.
  return { cwd: dataDir, configName: 'settings', name: 'settings', projectName: 'holdfast', schema: settingsFileSchema, clearInvalidConfig: false };
}

export interface OpenedSettingsStore {
  store: SettingsStore;
  /** Set when the old file could not be read: where it was moved, and why. */
  recovered?: { movedTo: string; reason: string };
}

export function openSettingsStore(dataDir: string, construct: (options: SettingsStoreOptions) => SettingsStore, now: () => Date = () => new Date()): OpenedSettingsStore {
  const options = settingsStoreOptions(dataDir);
  try {
    const store = construct(options);
    settingsSchema.parse(store.store); // the JSON Schema and zod agree, but zod has the last word
    return { store };
  } catch (error) {
    const file = join(dataDir, settingsFileName);
    if (!existsSync(file)) throw error;
    const movedTo = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, movedTo);
    return { store: construct(options), recovered: { movedTo, reason: errorMessage(error) } };
  }
}
