import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { removalOp, type SyncMember } from '../../shared/sync/roster';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { openSealed, sealTo, type DeviceKeys, type EpochKey } from '../../shared/sync/syncKeys';
import { DeviceId, HlcString, originOf, type SyncOp } from '../../shared/sync/syncOps';

const GRANT_VERSION = 2;

/**
 * A rotated group key, handed to one remaining device together with the removal that caused it: which device
 * was removed, and the stamp of the remover's deletion. The recipient applies the removal before it takes the
 * key, so the removed device can no longer sign a key of its own into the group.
 */
export const EpochGrant = z.strictObject({
  v: z.literal(GRANT_VERSION),
  epoch: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  by: DeviceId,
  removed: DeviceId,
  t: HlcString,
  sig: z.string().regex(/^[0-9a-f]{128}$/),
});
export type EpochGrant = z.infer<typeof EpochGrant>;

/** A removal as a grant carries it: the deletion of the removed device's roster entry. */
export interface Removal {
  removed: string;
  t: string;
}

/** A grant that opened, verified, and names a removal this device may apply. */
export interface OpenedGrant {
  by: string;
  key: EpochKey;
  removal: SyncOp;
}

/**
 * Signed over the recipient's box key too, so a key sealed for one device cannot be replayed to another.
 * Every part has a fixed length (the device id 16 characters, the stamp 35), so no two grants sign the same
 * bytes.
 */
function grantMessage(epoch: EpochKey, recipientBox: Uint8Array, removal: Removal): Uint8Array {
  const number = new Uint8Array(8);
  new DataView(number.buffer).setBigUint64(0, BigInt(epoch.epoch));
  return concatBytes(
    utf8ToBytes(`ledgerline/sync ${GRANT_VERSION} grant\0`),
    number,
    epoch.key,
    recipientBox,
    utf8ToBytes(removal.removed),
    utf8ToBytes(removal.t),
  );
}

export function grantEpoch(
  epoch: EpochKey,
  by: DeviceKeys,
  recipientBox: Uint8Array,
  removal: Removal,
): EpochGrant {
  const sig = ed25519.sign(grantMessage(epoch, recipientBox, removal), by.signSecret);
  return {
    v: GRANT_VERSION,
    epoch: epoch.epoch,
    key: bytesToHex(epoch.key),
    by: by.id,
    removed: removal.removed,
    t: removal.t,
    sig: bytesToHex(sig),
  };
}

/** The key a grant hands over, when it was signed with this key for this recipient; null otherwise. */
export function verifyGrant(
  grant: EpochGrant,
  signPublic: Uint8Array,
  recipientBox: Uint8Array,
): EpochKey | null {
  const epoch = { epoch: grant.epoch, key: hexToBytes(grant.key) };
  try {
    const message = grantMessage(epoch, recipientBox, grant);
    return ed25519.verify(hexToBytes(grant.sig), message, signPublic) ? epoch : null;
  } catch {
    return null;
  }
}

/**
 * Where a key granted by one device to another lies in the folder: a hash of the epoch, the recipient's box key
 * and the granting device, so each member has its own place to grant in and none can overwrite another's
 * grant with its own.
 */
export function grantName(recipientBox: Uint8Array, epoch: number, granter: string): string {
  return bytesToHex(
    sha256(
      concatBytes(
        utf8ToBytes(`ledgerline/sync ${GRANT_VERSION} grant ${epoch}\0`),
        recipientBox,
        utf8ToBytes(granter),
      ),
    ),
  ).slice(0, 32);
}

export function sealGrant(
  epoch: EpochKey,
  by: DeviceKeys,
  recipientBox: Uint8Array,
  removal: Removal,
): { name: string; bytes: Uint8Array } {
  const grant = grantEpoch(epoch, by, recipientBox, removal);
  return {
    name: grantName(recipientBox, epoch.epoch, by.id),
    bytes: sealTo(recipientBox, utf8ToBytes(JSON.stringify(grant))),
  };
}

const NOT_SIGNED = 'A new sync key in the folder is not signed by a device of this group, so it was ignored.';

/**
 * The key in a grant sealed to this device by this signer for this epoch, with the removal it carries.
 * Throws SyncBlobError for one sealed to another device, not signed so, or whose removal this device cannot
 * apply (of the signer itself, of this device, or of no member); another error for one that is no grant.
 */
export function openGrant(
  device: DeviceKeys,
  sealed: Uint8Array,
  epoch: number,
  signer: Pick<SyncMember, 'id' | 'signPublic'>,
  isMember: (id: string) => boolean,
): OpenedGrant {
  const grant = EpochGrant.parse(JSON.parse(new TextDecoder().decode(openSealed(device.boxSecret, sealed))));
  const key = grant.by === signer.id ? verifyGrant(grant, signer.signPublic, device.boxPublic) : null;
  if (!key || key.epoch !== epoch || originOf(grant) !== grant.by)
    throw new SyncBlobError('bad_signature', NOT_SIGNED);
  if (grant.removed === grant.by || grant.removed === device.id || !isMember(grant.removed))
    throw new SyncBlobError(
      'malformed',
      'A new sync key in the folder removes a device this desktop cannot remove, so it was ignored.',
    );
  return { by: grant.by, key, removal: removalOp(grant.removed, grant.t) };
}
