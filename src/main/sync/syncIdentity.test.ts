import { describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { newDeviceKeys, newEpochKey } from '../../shared/sync/syncKeys';
import { currentEpoch, forgetIdentity, loadIdentity, saveIdentity } from './syncIdentity';

function identity() {
  const first = newEpochKey([]);
  return { device: newDeviceKeys(), ring: [first, newEpochKey([first])] };
}

describe('saveIdentity and loadIdentity', () => {
  it('round-trips the device keys and the key ring through the vault', async () => {
    const vault = memorySecrets();
    const saved = identity();
    await saveIdentity(vault, saved);
    expect(vault.names().toSorted()).toEqual(['sync.device', 'sync.ring']);
    const loaded = await loadIdentity(vault);
    expect(loaded).toEqual(saved);
    expect(loaded?.ring.map((entry) => entry.epoch)).toEqual([1, 2]);
  });

  it('stores the device as JSON under sync.device, with its id', async () => {
    const vault = memorySecrets();
    const saved = identity();
    await saveIdentity(vault, saved);
    const device = new TextDecoder().decode((await vault.get('sync.device')) ?? new Uint8Array());
    expect(JSON.parse(device)).toMatchObject({ id: saved.device.id });
  });

  it('answers null when nothing, or only half, is in the vault', async () => {
    const vault = memorySecrets();
    expect(await loadIdentity(vault)).toBeNull();
    await saveIdentity(vault, identity());
    vault.delete('sync.ring');
    expect(await loadIdentity(vault)).toBeNull();
  });

  it('a later save replaces the ring, as a rotation does', async () => {
    const vault = memorySecrets();
    const saved = identity();
    await saveIdentity(vault, saved);
    const rotated = { ...saved, ring: [...saved.ring, newEpochKey(saved.ring)] };
    await saveIdentity(vault, rotated);
    expect((await loadIdentity(vault))?.ring.map((entry) => entry.epoch)).toEqual([1, 2, 3]);
  });

  it('forgetIdentity removes both entries and nothing else', async () => {
    const vault = memorySecrets();
    await vault.put('rpc-urls:1', new Uint8Array([1]));
    await saveIdentity(vault, identity());
    forgetIdentity(vault);
    expect(await loadIdentity(vault)).toBeNull();
    expect(vault.names()).toEqual(['rpc-urls:1']);
    forgetIdentity(vault);
  });
});

describe('currentEpoch', () => {
  it('is the last key of the ring, and an empty ring is an error', () => {
    const { ring } = identity();
    expect(currentEpoch(ring)).toBe(ring[1]);
    expect(() => currentEpoch([])).toThrow(/empty/);
  });
});
