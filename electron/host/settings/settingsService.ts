// Reads and changes the user's settings; tells every renderer when they change (from any window or process).
import { settingsSchema, type Settings, type SettingsPatch } from '../../contract';
import type { EventHub } from '../eventHub';
import type { SettingsStore } from './settingsStore';

export class SettingsService {
  private readonly stopWatching: () => void;

  constructor(
    private readonly store: SettingsStore,
    events: EventHub,
  ) {
    // Fires for our own writes and for edits by another process sharing the data dir (conf watches the file).
    this.stopWatching = store.onDidAnyChange(() => events.emit('settings.changed', this.get()));
  }

  get(): Settings {
    return settingsSchema.parse(this.store.store);
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set(next);
    return next;
  }

  dispose(): void {
    this.stopWatching();
  }
}
