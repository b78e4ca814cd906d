import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import { newEpochKey } from '../../shared/sync/syncKeys';
import { SyncGroupKeys } from './syncGroupKeys';
import { loadIdentity } from './syncIdentity';
import { SyncStateRepository } from './syncStateRepository';

const temp = useTempDatabase('sync-keys-');
const NOW = 1_750_000_000_000;

function groupKeys(vault = memorySecrets(), latest: string | null = null) {
  const state = new SyncStateRepository(temp.db);
  const keys = new SyncGroupKeys({ vault, state, now: () => NOW, latestStamp: () => latest });
  return { keys, vault, state };
}

describe('SyncGroupKeys', () => {
  it('makes no keys, and reads the vault once, for a desktop that never set sync up', async () => {
    const { keys, vault } = groupKeys();
    expect(await keys.load()).toBeNull();
    expect(vault.names()).toEqual([]);
    expect(keys.current).toBeNull();
    expect(keys.selfId()).toBeNull();
    expect(keys.epoch()).toBe(0);
    expect(() => keys.stamp()).toThrow('no clock');
  });

  it('create() makes a group of one at epoch 1, kept in the vault and named in the database', async () => {
    const { keys, vault } = groupKeys();
    const identity = await keys.create();
    expect(identity.ring.map((entry) => entry.epoch)).toEqual([1]);
    expect(await loadIdentity(vault)).toEqual(identity);
    expect(keys.current).toBe(identity);
    expect(keys.selfId()).toBe(identity.device.id);
    expect(keys.epoch()).toBe(1);
    expect(decodeHlc(keys.stamp()).device).toBe(identity.device.id);
  });

  it('load() adopts the keys the vault holds, once', async () => {
    const vault = memorySecrets();
    const made = await groupKeys(vault).keys.create();
    const { keys } = groupKeys(vault);
    const reads = vault.reads;
    expect(await keys.load()).toEqual(made);
    expect(await keys.load()).toEqual(made);
    expect(vault.reads - reads).toBe(2);
  });

  it('a clock that restarted follows the newest stored stamp, however far ahead', async () => {
    const ahead = encodeHlc({ wall: NOW + 60_000, counter: 4, device: '00000000000000bb' });
    const { keys } = groupKeys(memorySecrets(), ahead);
    await keys.create();
    const next = decodeHlc(keys.stamp());
    expect([next.wall, next.counter]).toEqual([NOW + 60_000, 5]);
  });

  it('join() makes new device keys in the ring an invite carried', async () => {
    const first = newEpochKey([]);
    const ring = [first, newEpochKey([first])];
    const { keys, vault } = groupKeys();
    const identity = await keys.join(ring);
    expect(identity.ring).toEqual(ring);
    expect(await loadIdentity(vault)).toEqual(identity);
    expect(keys.epoch()).toBe(2);
  });

  it('extend() adds an epoch to the ring and keeps the device keys', async () => {
    const { keys, vault } = groupKeys();
    await expect(keys.extend(newEpochKey([]))).rejects.toThrow('no key ring');
    const made = await keys.create();
    const rotated = await keys.extend(newEpochKey(made.ring));
    expect(rotated.device).toEqual(made.device);
    expect(rotated.ring.map((entry) => entry.epoch)).toEqual([1, 2]);
    expect((await loadIdentity(vault))?.ring).toEqual(rotated.ring);
    expect(keys.epoch()).toBe(2);
  });

  it('forget() takes the keys out of the vault and stops the clock', async () => {
    const { keys, vault } = groupKeys();
    await keys.create();
    keys.forget();
    expect(vault.names()).toEqual([]);
    expect(keys.current).toBeNull();
    expect(() => keys.stamp()).toThrow('no clock');
  });
});
