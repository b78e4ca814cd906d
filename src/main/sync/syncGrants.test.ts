import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { newDeviceKeys, newEpochKey, sealTo } from '../../shared/sync/syncKeys';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { grantName, openGrant, sealGrant } from './syncGrants';

const by = newDeviceKeys();
const recipient = newDeviceKeys();
const first = newEpochKey([]);
const epoch = newEpochKey([first]);
const members = (id: string) => (id === by.id ? by.signPublic : undefined);

describe('sealGrant and openGrant', () => {
  it('hand a new key to the device it was sealed to, under a name only that device looks for', () => {
    const { name, bytes } = sealGrant(epoch, by, recipient.boxPublic);
    expect(name).toBe(grantName(recipient.boxPublic, 2));
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(name).not.toBe(grantName(recipient.boxPublic, 3));
    expect(name).not.toBe(grantName(by.boxPublic, 2));
    expect(openGrant(recipient, bytes, 2, members)).toEqual(epoch);
  });

  it('refuse a grant signed by a device not in the group', () => {
    const { bytes } = sealGrant(epoch, by, recipient.boxPublic);
    const refused = () => openGrant(recipient, bytes, 2, () => undefined);
    expect(refused).toThrow(SyncBlobError);
    expect(refused).toThrow('not signed by a device of this group');
  });

  it('refuse a grant for another epoch than the one looked for', () => {
    const { bytes } = sealGrant(epoch, by, recipient.boxPublic);
    expect(() => openGrant(recipient, bytes, 3, members)).toThrow(SyncBlobError);
  });

  it('refuse a grant sealed to another device as unreadable', () => {
    const { bytes } = sealGrant(epoch, by, newDeviceKeys().boxPublic);
    expect(() => openGrant(recipient, bytes, 2, members)).toThrow(SyncBlobError);
  });

  it('throw another error for a sealed box that holds no grant', () => {
    const sealed = sealTo(recipient.boxPublic, utf8ToBytes('{"epoch":2}'));
    let error: unknown;
    try {
      openGrant(recipient, sealed, 2, members);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SyncBlobError);
  });
});
