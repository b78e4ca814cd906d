import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { OFF_BY_DEFAULT, USER_COLLECTIONS } from '../../shared/sync/syncOps';
import { SyncCollectionChoice } from './syncCollectionChoice';
import { SyncStateRepository } from './syncStateRepository';

const temp = useTempDatabase('sync-choice-');

describe('SyncCollectionChoice', () => {
  it('syncs every collection but the ones off by default until the user chooses', () => {
    const choice = new SyncCollectionChoice(new SyncStateRepository(temp.db)).get();
    expect(Object.keys(choice).toSorted()).toEqual([...USER_COLLECTIONS].toSorted());
    for (const name of USER_COLLECTIONS) expect(choice[name]).toBe(!OFF_BY_DEFAULT.includes(name));
    expect(choice.rpcs).toBe(false);
  });

  it('applies a choice over the ones before, and keeps it across a restart', () => {
    new SyncCollectionChoice(new SyncStateRepository(temp.db)).set({ rpcs: true, labels: false });
    const choice = new SyncCollectionChoice(new SyncStateRepository(temp.reopen()));
    choice.set({ labels: true, tokens: false });
    expect(choice.get()).toMatchObject({ rpcs: true, labels: true, tokens: false, addressBook: true });
  });
});
