import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { openSealed, sealTo, type DeviceKeys, type EpochKey } from '../../shared/sync/syncKeys';
import { EpochGrant, grantEpoch, verifyGrant } from './syncIdentity';

/**
 * A rotated group key in the sync folder, sealed to one remaining device under a name only that device
 * can look for: a hash of its box key and the epoch.
 */
export function grantName(recipientBox: Uint8Array, epoch: number): string {
  return bytesToHex(
    sha256(concatBytes(utf8ToBytes(`ledgerline/sync 1 grant ${epoch}\0`), recipientBox)),
  ).slice(0, 32);
}

export function sealGrant(
  epoch: EpochKey,
  by: DeviceKeys,
  recipientBox: Uint8Array,
): { name: string; bytes: Uint8Array } {
  const grant = grantEpoch(epoch, by, recipientBox);
  return {
    name: grantName(recipientBox, epoch.epoch),
    bytes: sealTo(recipientBox, utf8ToBytes(JSON.stringify(grant))),
  };
}

/**
 * The key in a grant sealed to this device, when a member of the group signed it for this epoch; throws
 * SyncBlobError for one sealed to another device or not signed so, and another error for one that is no
 * grant at all.
 */
export function openGrant(
  device: DeviceKeys,
  sealed: Uint8Array,
  epoch: number,
  signPublicOf: (id: string) => Uint8Array | undefined,
): EpochKey {
  const grant = EpochGrant.parse(JSON.parse(new TextDecoder().decode(openSealed(device.boxSecret, sealed))));
  const signer = signPublicOf(grant.by);
  const key = signer ? verifyGrant(grant, signer, device.boxPublic) : null;
  if (!key || key.epoch !== epoch)
    throw new SyncBlobError(
      'bad_signature',
      'A new sync key in the folder is not signed by a device of this group, so it was ignored.',
    );
  return key;
}
