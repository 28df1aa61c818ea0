// The drafts store: unsent text per incident and field, in memory and mirrored to this window's
// sessionStorage (so a reload keeps it), never for drafts marked secret.
import { describe, expect, it } from 'vitest';
import { createDraftStore, draftKey, updateDraft, type DraftStorage } from '../../renderer/src/state/drafts';

/** A sessionStorage stand-in: what a page reload would find. */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(name: string) {
    return this.items.get(name) ?? null;
  }
  setItem(name: string, value: string) {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(name, value);
  }
  removeItem(name: string) {
    this.items.delete(name);
  }
}

describe('the drafts store', () => {
  it('keeps a draft per incident and field until it is cleared', () => {
    const drafts = createDraftStore(undefined);
    drafts.set(draftKey('inc-a', 'note'), 'Rollback started');
    drafts.set(draftKey('inc-a', 'statusUpdate'), { impact: 'EU checkout' });
    drafts.set(draftKey('inc-b', 'note'), 'Another incident');
    expect(drafts.get(draftKey('inc-a', 'note'))).toBe('Rollback started');
    expect(drafts.get(draftKey('inc-a', 'statusUpdate'))).toEqual({ impact: 'EU checkout' });
    expect(drafts.fieldsOf('inc-a').sort()).toEqual(['note', 'statusUpdate']);
    expect(drafts.fieldsOf('inc-b')).toEqual(['note']);
    expect(drafts.fieldsOf('inc-c')).toEqual([]);
    expect(drafts.hasUnsent()).toBe(true);

    drafts.clear(draftKey('inc-a', 'note'));
    expect(drafts.get(draftKey('inc-a', 'note'))).toBeUndefined();
    expect(drafts.fieldsOf('inc-a')).toEqual(['statusUpdate']);
    expect(drafts.get(draftKey('inc-b', 'note'))).toBe('Another incident');

    drafts.clear(draftKey('inc-a', 'statusUpdate'));
    drafts.clear(draftKey('inc-b', 'note'));
    expect(drafts.hasUnsent()).toBe(false);
  });

  it('does not mistake one incident for another whose id it starts with', () => {
    const drafts = createDraftStore(undefined);
    drafts.set(draftKey('inc-1', 'note'), 'one');
    drafts.set(draftKey('inc-10', 'note'), 'ten');
    expect(drafts.fieldsOf('inc-1')).toEqual(['note']);
  });

  it('tells subscribers of a change, and not of clearing what is not there', () => {
    const drafts = createDraftStore(undefined);
    let changes = 0;
    drafts.store.subscribe(() => changes++);
    drafts.set(draftKey('inc-a', 'note'), 'x');
    drafts.clear(draftKey('inc-a', 'note'));
    drafts.clear(draftKey('inc-a', 'note'));
    expect(changes).toBe(2);
  });

  it('mirrors drafts to sessionStorage, so the next page of the window gets them back', () => {
    const storage = new MemoryStorage();
    const before = createDraftStore(storage);
    before.set(draftKey('inc-a', 'note'), 'half a sentence');
    before.set(draftKey('inc-a', 'postmortem'), { postmortem: { summary: 'Twice' } });
    before.set(draftKey('inc-a', 'actionItem'), { title: 'gone soon' });
    before.clear(draftKey('inc-a', 'actionItem'));

    const afterReload = createDraftStore(storage);
    expect(afterReload.get(draftKey('inc-a', 'note'))).toBe('half a sentence');
    expect(afterReload.get(draftKey('inc-a', 'postmortem'))).toEqual({ postmortem: { summary: 'Twice' } });
    expect(afterReload.fieldsOf('inc-a').sort()).toEqual(['note', 'postmortem']);

    afterReload.clear(draftKey('inc-a', 'note'));
    expect(createDraftStore(storage).fieldsOf('inc-a')).toEqual(['postmortem']);
  });

  it('leaves other keys of the storage alone, and skips a damaged entry', () => {
    const storage = new MemoryStorage();
    storage.setItem('holdfast.theme', 'dark');
    storage.setItem('holdfast.draft:inc-a/note', '{not json');
    storage.setItem('holdfast.draft:inc-a/correction/ev-1', JSON.stringify('It was 4813'));
    const drafts = createDraftStore(storage);
    expect(drafts.fieldsOf('inc-a')).toEqual(['correction/ev-1']);
    drafts.set(draftKey('inc-a', 'note'), 'fresh');
    expect(storage.getItem('holdfast.theme')).toBe('dark');
    expect(JSON.parse(storage.getItem('holdfast.draft:inc-a/note')!)).toBe('fresh');
  });

  it('never writes a draft marked secret to storage, and takes back an earlier copy', () => {
    const storage = new MemoryStorage();
    const drafts = createDraftStore(storage);
    drafts.set(draftKey('inc-a', 'token'), 'plain for now');
    drafts.set(draftKey('inc-a', 'token'), 'hunter2', { secret: true });
    expect(drafts.get(draftKey('inc-a', 'token'))).toBe('hunter2');
    expect([...storage.items.values()].join()).not.toContain('hunter2');
    expect([...storage.items.values()].join()).not.toContain('plain for now');
    expect(createDraftStore(storage).get(draftKey('inc-a', 'token'))).toBeUndefined();
  });

  it('keeps the draft in memory when storage refuses it', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const drafts = createDraftStore(storage);
    expect(() => drafts.set(draftKey('inc-a', 'note'), 'still here')).not.toThrow();
    expect(drafts.get(draftKey('inc-a', 'note'))).toBe('still here');
  });

  it('works with no storage at all', () => {
    const drafts = createDraftStore(undefined);
    drafts.set(draftKey('inc-a', 'note'), 'memory only');
    expect(drafts.get(draftKey('inc-a', 'note'))).toBe('memory only');
  });
});

describe('updating a draft as a field does', () => {
  const key = draftKey('inc-a', 'note');

  it('drops the draft when the field is back to what it shows without one', () => {
    const drafts = createDraftStore(undefined);
    updateDraft(drafts, key, 'typed', '');
    expect(drafts.get(key)).toBe('typed');
    updateDraft(drafts, key, '', '');
    expect(drafts.hasUnsent()).toBe(false);

    const emptyForm = { title: '', owner: '' };
    updateDraft(drafts, draftKey('inc-a', 'actionItem'), { title: 'Alert on lag', owner: '' }, emptyForm);
    updateDraft(drafts, draftKey('inc-a', 'actionItem'), (form: typeof emptyForm) => ({ ...form, title: '' }), emptyForm);
    expect(drafts.hasUnsent()).toBe(false);
  });

  it('hands a function the draft as it is now (text typed while a note was being sent stays)', () => {
    const drafts = createDraftStore(undefined);
    const sent = 'first line';
    updateDraft(drafts, key, sent, '');
    updateDraft(drafts, key, `${sent}\nsecond`, ''); // typed while the note travelled
    updateDraft(drafts, key, (now: string) => (now.startsWith(sent) ? now.slice(sent.length).replace(/^\n/, '') : now), '');
    expect(drafts.get(key)).toBe('second');
  });

  it('passes the secret mark on to the store', () => {
    const storage = new MemoryStorage();
    const drafts = createDraftStore(storage);
    updateDraft(drafts, key, 'secret value', '', { secret: true });
    expect(drafts.get(key)).toBe('secret value');
    expect(storage.length).toBe(0);
  });
});
