import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/sync/hlc';
import { removalOp } from '../../shared/sync/roster';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { newDeviceKeys, newEpochKey, sealTo, type EpochKey } from '../../shared/sync/syncKeys';
import { grantEpoch, grantName, openGrant, sealGrant, verifyGrant } from './syncGrants';

const by = newDeviceKeys();
const recipient = newDeviceKeys();
const removed = newDeviceKeys();
const epoch: EpochKey = newEpochKey([newEpochKey([])]);
const t = encodeHlc({ wall: 1_750_000_000_000, counter: 0, device: by.id });
const removal = { removed: removed.id, t };
const signer = { id: by.id, signPublic: by.signPublic };
const members = new Set([by.id, recipient.id, removed.id]);
const isMember = (id: string) => members.has(id);

describe('grantEpoch and verifyGrant', () => {
  it('a grant verifies for its recipient with the rotating device’s key, giving the epoch back', () => {
    const grant = grantEpoch(epoch, by, recipient.boxPublic, removal);
    expect(grant).toMatchObject({ v: 2, epoch: 2, by: by.id, removed: removed.id, t });
    expect(grant.key).toMatch(/^[0-9a-f]{64}$/);
    expect(grant.sig).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyGrant(grant, by.signPublic, recipient.boxPublic)).toEqual(epoch);
  });

  it('fails for another recipient’s box key: a grant cannot be replayed to another device', () => {
    const grant = grantEpoch(epoch, by, recipient.boxPublic, removal);
    expect(verifyGrant(grant, by.signPublic, newDeviceKeys().boxPublic)).toBeNull();
  });

  it('fails for a signer other than the one that signed', () => {
    const grant = grantEpoch(epoch, by, recipient.boxPublic, removal);
    expect(verifyGrant(grant, recipient.signPublic, recipient.boxPublic)).toBeNull();
    expect(verifyGrant(grant, new Uint8Array(32), recipient.boxPublic)).toBeNull();
    expect(verifyGrant(grant, new Uint8Array(5), recipient.boxPublic)).toBeNull();
  });

  it('fails when the key, the epoch number, the removal or the signature was altered', () => {
    const grant = grantEpoch(epoch, by, recipient.boxPublic, removal);
    const flipped = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    for (const altered of [
      { ...grant, key: flipped(grant.key) },
      { ...grant, epoch: 3 },
      { ...grant, removed: recipient.id },
      { ...grant, t: encodeHlc({ wall: 1_750_000_000_001, counter: 0, device: by.id }) },
      { ...grant, sig: flipped(grant.sig) },
      { ...grant, sig: '00'.repeat(64) },
    ]) {
      expect(verifyGrant(altered, by.signPublic, recipient.boxPublic)).toBeNull();
    }
  });
});

describe('sealGrant and openGrant', () => {
  it('hand a new key and its removal to the device it was sealed to, in the granter’s own place', () => {
    const { name, bytes } = sealGrant(epoch, by, recipient.boxPublic, removal);
    expect(name).toBe(grantName(recipient.boxPublic, 2, by.id));
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(name).not.toBe(grantName(recipient.boxPublic, 3, by.id));
    expect(name).not.toBe(grantName(by.boxPublic, 2, by.id));
    expect(name).not.toBe(grantName(recipient.boxPublic, 2, removed.id));
    expect(openGrant(recipient, bytes, 2, signer, isMember)).toEqual({
      by: by.id,
      key: epoch,
      removal: removalOp(removed.id, t),
    });
  });

  it('refuse a grant not signed by the device whose place it lies in', () => {
    const { bytes } = sealGrant(epoch, by, recipient.boxPublic, removal);
    const refused = () =>
      openGrant(recipient, bytes, 2, { id: removed.id, signPublic: removed.signPublic }, isMember);
    expect(refused).toThrow(SyncBlobError);
    expect(refused).toThrow('not signed by a device of this group');
    const forged = () =>
      openGrant(recipient, bytes, 2, { id: by.id, signPublic: removed.signPublic }, isMember);
    expect(forged).toThrow('not signed by a device of this group');
  });

  it('refuse a grant whose removal stamp another device made', () => {
    const stamp = encodeHlc({ wall: 1, counter: 0, device: removed.id });
    const { bytes } = sealGrant(epoch, by, recipient.boxPublic, { removed: removed.id, t: stamp });
    expect(() => openGrant(recipient, bytes, 2, signer, isMember)).toThrow(
      'not signed by a device of this group',
    );
  });

  it('refuse a grant that removes its signer, its recipient, or a device not in the group', () => {
    for (const target of [by.id, recipient.id, newDeviceKeys().id]) {
      const { bytes } = sealGrant(epoch, by, recipient.boxPublic, { removed: target, t });
      expect(() => openGrant(recipient, bytes, 2, signer, isMember)).toThrow(
        'removes a device this desktop cannot remove',
      );
    }
  });

  it('refuse a grant for another epoch than the one looked for', () => {
    const { bytes } = sealGrant(epoch, by, recipient.boxPublic, removal);
    expect(() => openGrant(recipient, bytes, 3, signer, isMember)).toThrow(SyncBlobError);
  });

  it('refuse a grant sealed to another device as unreadable', () => {
    const { bytes } = sealGrant(epoch, by, newDeviceKeys().boxPublic, removal);
    expect(() => openGrant(recipient, bytes, 2, signer, isMember)).toThrow(SyncBlobError);
  });

  it('throw another error for a sealed box that holds no grant', () => {
    const sealed = sealTo(recipient.boxPublic, utf8ToBytes('{"epoch":2}'));
    let error: unknown;
    try {
      openGrant(recipient, sealed, 2, signer, isMember);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SyncBlobError);
  });
});
