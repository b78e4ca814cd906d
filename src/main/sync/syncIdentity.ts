import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
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
