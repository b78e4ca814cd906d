import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SyncStateRepository } from './syncStateRepository';

const temp = useTempDatabase('sync-state-');

describe('SyncStateRepository', () => {
  it('answers the fallback for a name never set', () => {
    const state = new SyncStateRepository(temp.db);
    expect(state.get('counter', 0)).toBe(0);
    expect(state.get('folder', null)).toBeNull();
    expect(state.get('ledger', { a: 1 })).toEqual({ a: 1 });
  });

  it('round-trips JSON values, and keeps them across a restart', () => {
    let state = new SyncStateRepository(temp.db);
    state.set('counter', 7);
    state.set('folder', '/Users/me/Dropbox/Ledgerline');
    state.set('collections', { labels: true, rpcs: false });
    state.set('list', [1, 'two', null]);
    state.set('on', false);
    state = new SyncStateRepository(temp.reopen());
    expect(state.get('counter', 0)).toBe(7);
    expect(state.get('folder', null)).toBe('/Users/me/Dropbox/Ledgerline');
    expect(state.get('collections', {})).toEqual({ labels: true, rpcs: false });
    expect(state.get('list', [])).toEqual([1, 'two', null]);
    // A stored false or null is a value, not a missing row: the fallback does not replace it.
    expect(state.get('on', true)).toBe(false);
    state.set('folder', null);
    expect(state.get<string | null>('folder', 'fallback')).toBeNull();
  });

  it('set overwrites the one row for a name', () => {
    const state = new SyncStateRepository(temp.db);
    state.set('counter', 1);
    state.set('counter', 2);
    expect(state.get('counter', 0)).toBe(2);
    expect(temp.db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 1 });
  });
});
