// Unsent text: what a responder has typed into a form but not yet sent or saved, keyed by incident and
// field. Screens come and go (the console shows one at a time), so the text lives here, not in the
// component: leaving for the terminal and back, or reloading the page, gives it back. Mirrored to
// sessionStorage (this window only, gone when it closes; never localStorage), except drafts marked secret,
// which stay in memory. A draft is dropped once its content is sent, or when it is back to its initial value.
import { useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** The part of the Web Storage API the mirror uses (sessionStorage, or a stand-in in tests). */
export interface DraftStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  removeItem(name: string): void;
}

export interface DraftOptions {
  /** Kept in memory only: never written to storage. */
  secret?: boolean;
}

export interface DraftsState {
  /** Draft values by key (see draftKey); only drafts that hold something. */
  drafts: Readonly<Record<string, unknown>>;
}

const storagePrefix = 'holdfast.draft:';

/** The key of one field's draft on one incident, e.g. `draftKey(id, 'note')`. */
export const draftKey = (incidentId: string, field: string): string => `${incidentId}/${field}`;

export interface DraftStore {
  store: StoreApi<DraftsState>;
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown, options?: DraftOptions): void;
  clear(key: string): void;
  /** The fields of `incidentId` that hold a draft. */
  fieldsOf(incidentId: string): string[];
  /** Whether anything typed is still unsent (the page warns before it unloads). */
  hasUnsent(): boolean;
}

/** What an earlier page of this window left in `storage`; unreadable entries are skipped. */
function readMirror(storage: DraftStorage | undefined): Record<string, unknown> {
  const drafts: Record<string, unknown> = {};
  if (!storage) return drafts;
  try {
    for (let index = 0; index < storage.length; index++) {
      const name = storage.key(index);
      if (!name?.startsWith(storagePrefix)) continue;
      try {
        drafts[name.slice(storagePrefix.length)] = JSON.parse(storage.getItem(name)!);
      } catch {
        // One damaged entry must not cost the others.
      }
    }
  } catch {
    // Storage refused (disabled, privacy mode): the drafts still live for this page.
  }
  return drafts;
}

export function createDraftStore(storage: DraftStorage | undefined): DraftStore {
  const store = createStore<DraftsState>(() => ({ drafts: readMirror(storage) }));
  // A full or refused storage only loses the reload copy; the draft itself stays in memory.
  const mirror = (write: (storage: DraftStorage) => void) => {
    try {
      if (storage) write(storage);
    } catch {
      /* see above */
    }
  };
  const drafts = () => store.getState().drafts;

  return {
    store,
    get: <T>(key: string) => drafts()[key] as T | undefined,
    set(key, value, options = {}) {
      store.setState({ drafts: { ...drafts(), [key]: value } });
      mirror((to) => (options.secret ? to.removeItem(storagePrefix + key) : to.setItem(storagePrefix + key, JSON.stringify(value))));
    },
    clear(key) {
      if (!(key in drafts())) return;
      const { [key]: _cleared, ...rest } = drafts();
      store.setState({ drafts: rest });
      mirror((to) => to.removeItem(storagePrefix + key));
    },
    fieldsOf: (incidentId) =>
      Object.keys(drafts())
        .filter((key) => key.startsWith(`${incidentId}/`))
        .map((key) => key.slice(incidentId.length + 1)),
    hasUnsent: () => Object.keys(drafts()).length > 0,
  };
}

function sessionStorageIfAny(): DraftStorage | undefined {
  try {
    return (globalThis as { sessionStorage?: DraftStorage }).sessionStorage;
  } catch {
    return undefined; // Access itself throws when the browser forbids storage.
  }
}

/** The console's drafts. */
export const drafts = createDraftStore(sessionStorageIfAny());

const sameValue = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

export type DraftUpdate<T> = T | ((current: T) => T);

/**
 * Sets the draft at `key` to `update` (a value, or a function of the current one, read now); a value equal
 * to `initial` (what the field shows with no draft) drops the draft instead.
 */
export function updateDraft<T>(store: DraftStore, key: string, update: DraftUpdate<T>, initial: T, options: DraftOptions = {}): void {
  const current = store.get<T>(key) ?? initial;
  const next = typeof update === 'function' ? (update as (current: T) => T)(current) : update;
  if (sameValue(next, initial)) store.clear(key);
  else if (!sameValue(next, store.get(key))) store.set(key, next, options);
}

/**
 * A field's text (or a form's values, as JSON) kept in the drafts: `[value, set, clear]`, used like
 * useState. `initial` is what the field shows with no draft. `set` works as updateDraft: a function sees
 * the current draft, so an answer arriving late sees what was typed since.
 */
export function useDraft<T>(key: string, initial: T, options: DraftOptions = {}): [T, (update: DraftUpdate<T>) => void, () => void] {
  const stored = useStore(drafts.store, (state) => state.drafts[key]) as T | undefined;
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const secret = Boolean(options.secret);

  const set = useCallback((update: DraftUpdate<T>) => updateDraft(drafts, key, update, initialRef.current, { secret }), [key, secret]);
  const clear = useCallback(() => drafts.clear(key), [key]);
  return [stored ?? initial, set, clear];
}
