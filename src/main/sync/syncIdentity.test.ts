import { describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { newDeviceKeys, newEpochKey, type EpochKey } from '../../shared/sync/syncKeys';
import {
  currentEpoch,
  forgetIdentity,
  grantEpoch,
  loadIdentity,
  saveIdentity,
  verifyGrant,
} from './syncIdentity';

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

describe('grantEpoch and verifyGrant', () => {
  const rotator = newDeviceKeys();
  const recipient = newDeviceKeys();
  const epoch: EpochKey = newEpochKey([newEpochKey([])]);

  it('a grant verifies for its recipient with the rotating device’s key, giving the epoch back', () => {
    const grant = grantEpoch(epoch, rotator, recipient.boxPublic);
    expect(grant).toMatchObject({ epoch: 2, by: rotator.id });
    expect(grant.key).toMatch(/^[0-9a-f]{64}$/);
    expect(grant.sig).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyGrant(grant, rotator.signPublic, recipient.boxPublic)).toEqual(epoch);
  });

  it('fails for another recipient’s box key: a grant cannot be replayed to another device', () => {
    const grant = grantEpoch(epoch, rotator, recipient.boxPublic);
    expect(verifyGrant(grant, rotator.signPublic, newDeviceKeys().boxPublic)).toBeNull();
  });

  it('fails for a signer other than the one that signed', () => {
    const grant = grantEpoch(epoch, rotator, recipient.boxPublic);
    expect(verifyGrant(grant, recipient.signPublic, recipient.boxPublic)).toBeNull();
    expect(verifyGrant(grant, new Uint8Array(32), recipient.boxPublic)).toBeNull();
    expect(verifyGrant(grant, new Uint8Array(5), recipient.boxPublic)).toBeNull();
  });

  it('fails when the key, the epoch number or the signature was altered', () => {
    const grant = grantEpoch(epoch, rotator, recipient.boxPublic);
    const flipped = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    expect(
      verifyGrant({ ...grant, key: flipped(grant.key) }, rotator.signPublic, recipient.boxPublic),
    ).toBeNull();
    expect(verifyGrant({ ...grant, epoch: 3 }, rotator.signPublic, recipient.boxPublic)).toBeNull();
    expect(
      verifyGrant({ ...grant, sig: flipped(grant.sig) }, rotator.signPublic, recipient.boxPublic),
    ).toBeNull();
    expect(
      verifyGrant({ ...grant, sig: '00'.repeat(64) }, rotator.signPublic, recipient.boxPublic),
    ).toBeNull();
  });
});
