import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SyncLocalRepository } from './syncLocalRepository';

const temp = useTempDatabase('sync-local-');

describe('SyncLocalRepository', () => {
  it('is empty for a collection it never saw', () => {
    expect(new SyncLocalRepository(temp.db).all('labels')).toEqual(new Map());
  });

  it('round-trips records per collection, across a restart', () => {
    let local = new SyncLocalRepository(temp.db);
    local.set('labels', '0xAb/1', { kind: 'eoa', name: 'Cold', note: '' });
    local.set('labels', '0xAb/*', { kind: 'eoa', name: 'Everywhere', note: 'n' });
    local.set('networks', 'settings', { enabledChainIds: [1, 10] });
    local.set('tokens', '1/0xT', { symbol: 'T', name: 'Token', decimals: 6, hidden: false });
    local = new SyncLocalRepository(temp.reopen());
    expect(local.all('labels')).toEqual(
      new Map([
        ['0xAb/1', { kind: 'eoa', name: 'Cold', note: '' }],
        ['0xAb/*', { kind: 'eoa', name: 'Everywhere', note: 'n' }],
      ]),
    );
    expect(local.all('networks')).toEqual(new Map([['settings', { enabledChainIds: [1, 10] }]]));
    expect(local.all('tokens').get('1/0xT')).toEqual({
      symbol: 'T',
      name: 'Token',
      decimals: 6,
      hidden: false,
    });
    expect(local.all('addressBook').size).toBe(0);
  });

  it('set replaces the record under the same key: an upsert, not a second row', () => {
    const local = new SyncLocalRepository(temp.db);
    local.set('labels', 'k', { name: 'Old', note: 'keep?' });
    local.set('labels', 'k', { name: 'New' });
    expect(local.all('labels')).toEqual(new Map([['k', { name: 'New' }]]));
  });

  it('delete removes one record of one collection only, and deleting an absent one is harmless', () => {
    const local = new SyncLocalRepository(temp.db);
    local.set('labels', 'k', { name: 'Label' });
    local.set('labels', 'j', { name: 'Other' });
    local.set('addressBook', 'k', { name: 'Contact' });
    local.delete('labels', 'k');
    local.delete('labels', 'never');
    local.delete('rpcs', 'k');
    expect(local.all('labels')).toEqual(new Map([['j', { name: 'Other' }]]));
    expect(local.all('addressBook')).toEqual(new Map([['k', { name: 'Contact' }]]));
  });

  it('remember stores a record, and forgets it for null', () => {
    const local = new SyncLocalRepository(temp.db);
    local.remember('labels', 'k', { name: 'Label' });
    local.remember('labels', 'j', { name: 'Other' });
    expect(local.all('labels').get('k')).toEqual({ name: 'Label' });
    local.remember('labels', 'k', null);
    expect(local.all('labels')).toEqual(new Map([['j', { name: 'Other' }]]));
  });

  it('clear empties every collection', () => {
    const local = new SyncLocalRepository(temp.db);
    local.set('labels', 'k', { name: 'Label' });
    local.set('addressBook', 'k', { name: 'Contact' });
    local.clear();
    expect(local.all('labels').size).toBe(0);
    expect(local.all('addressBook').size).toBe(0);
  });
});
