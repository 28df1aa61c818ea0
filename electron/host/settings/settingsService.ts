// Reads and changes the user's settings; tells every renderer when they change.
// The file is read at start-up and written on change; it is not watched, because a half-written or
// hand-broken file must never take a running console down (it is checked, and set aside, on next start).
import { settingsSchema, type Settings, type SettingsPatch } from '../../contract';
import type { EventHub } from '../eventHub';
import type { SettingsStore } from './settingsStore';

export class SettingsService {
  private current: Settings;

  constructor(
    private readonly store: SettingsStore,
    private readonly events: EventHub,
  ) {
    this.current = settingsSchema.parse(store.store);
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.current, ...patch });
    this.store.set(next);
    this.current = next;
    this.events.emit('settings.changed', next);
    return next;
  }
}
