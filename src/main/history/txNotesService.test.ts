import { describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createEventHub } from '../api/events';
import { TxNotesRepository } from '../store/txNotesRepository';
import { TxNotesService } from './txNotesService';

const HASH = `0x${'ab'.repeat(32)}`;

describe('TxNotesService', () => {
  const temp = useTempDatabase('notes-');

  it('stores a note, tells timelines of that chain to refetch, and asks sync to run', () => {
    const events = createEventHub();
    const changed: unknown[] = [];
    events.subscribe((name, payload) => name === 'history.changed' && changed.push(payload));
    const onEdited = vi.fn();
    const repository = new TxNotesRepository(temp.db);
    const notes = new TxNotesService({ notes: repository, events, onEdited });

    notes.set({ chainId: 42161, hash: HASH, note: 'rent, March' });
    expect(repository.list()).toMatchObject([{ chainId: 42161, hash: HASH, note: 'rent, March' }]);
    notes.set({ chainId: 42161, hash: HASH, note: '  ' });
    expect(repository.list()).toEqual([]);
    expect(changed).toEqual([{ chainIds: [42161] }, { chainIds: [42161] }]);
    expect(onEdited).toHaveBeenCalledTimes(2);
  });

  it('refuses a malformed hash and announces nothing', () => {
    const events = createEventHub();
    const listener = vi.fn();
    events.subscribe(listener);
    const notes = new TxNotesService({ notes: new TxNotesRepository(temp.db), events, onEdited: vi.fn() });
    expect(() => notes.set({ chainId: 1, hash: '0x12', note: 'x' })).toThrow();
    expect(listener).not.toHaveBeenCalled();
  });
});
