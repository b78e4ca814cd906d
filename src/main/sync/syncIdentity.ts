import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { decodeKeyRing, encodeKeyRing, type DeviceKeys, type EpochKey } from '../../shared/sync/syncKeys';
import type { Vault } from '../vault/vault';

const DEVICE = 'sync.device';
const RING = 'sync.ring';

const StoredDevice = z.strictObject({
  id: z.string(),
  signSecret: z.string(),
  signPublic: z.string(),
  boxSecret: z.string(),
  boxPublic: z.string(),
});

export type SecretStore = Pick<Vault, 'get' | 'put' | 'delete'>;

/** This desktop's keys in the sync group and the group's key ring, both only ever in the vault. */
export interface SyncIdentity {
  device: DeviceKeys;
  ring: EpochKey[];
}

export async function loadIdentity(vault: SecretStore): Promise<SyncIdentity | null> {
  const [device, ring] = await Promise.all([vault.get(DEVICE), vault.get(RING)]);
  if (!device || !ring) return null;
  const stored = StoredDevice.parse(JSON.parse(new TextDecoder().decode(device)));
  return {
    device: {
      id: stored.id,
      signSecret: hexToBytes(stored.signSecret),
      signPublic: hexToBytes(stored.signPublic),
      boxSecret: hexToBytes(stored.boxSecret),
      boxPublic: hexToBytes(stored.boxPublic),
    },
    ring: decodeKeyRing(new TextDecoder().decode(ring)),
  };
}

export async function saveIdentity(vault: SecretStore, { device, ring }: SyncIdentity): Promise<void> {
  const stored = {
    id: device.id,
    signSecret: bytesToHex(device.signSecret),
    signPublic: bytesToHex(device.signPublic),
    boxSecret: bytesToHex(device.boxSecret),
    boxPublic: bytesToHex(device.boxPublic),
  };
  await vault.put(DEVICE, utf8ToBytes(JSON.stringify(stored)));
  await vault.put(RING, utf8ToBytes(encodeKeyRing(ring)));
}

export function forgetIdentity(vault: SecretStore): void {
  vault.delete(DEVICE);
  vault.delete(RING);
}

export function currentEpoch(ring: readonly EpochKey[]): EpochKey {
  const latest = ring.at(-1);
  if (!latest) throw new Error('the sync key ring is empty');
  return latest;
}

/**
 * A rotated key, handed to one remaining device: signed by the device that rotated it, over the recipient's
 * box key too, so a key sealed for one device cannot be replayed to another.
 */
function epochGrantMessage(epoch: EpochKey, recipientBox: Uint8Array): Uint8Array {
  const number = new Uint8Array(8);
  new DataView(number.buffer).setBigUint64(0, BigInt(epoch.epoch));
  return concatBytes(utf8ToBytes('ledgerline/sync 1 epoch\0'), number, epoch.key, recipientBox);
}

export const EpochGrant = z.strictObject({
  epoch: z.number().int().min(1),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  by: z.string(),
  sig: z.string().regex(/^[0-9a-f]{128}$/),
});
export type EpochGrant = z.infer<typeof EpochGrant>;

export function grantEpoch(epoch: EpochKey, by: DeviceKeys, recipientBox: Uint8Array): EpochGrant {
  const sig = ed25519.sign(epochGrantMessage(epoch, recipientBox), by.signSecret);
  return { epoch: epoch.epoch, key: bytesToHex(epoch.key), by: by.id, sig: bytesToHex(sig) };
}

export function verifyGrant(
  grant: EpochGrant,
  signPublic: Uint8Array,
  recipientBox: Uint8Array,
): EpochKey | null {
  const epoch = { epoch: grant.epoch, key: hexToBytes(grant.key) };
  try {
    return ed25519.verify(hexToBytes(grant.sig), epochGrantMessage(epoch, recipientBox), signPublic)
      ? epoch
      : null;
  } catch {
    return null;
  }
}
