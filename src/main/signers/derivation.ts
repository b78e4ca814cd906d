import { HDKey } from '@scure/bip32';
import { computeAddress, hexlify } from 'ethers';
import type { DiscoveryScheme } from '../../shared/devices';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import type { ExtendedPublicKey } from './signer';

/**
 * How a scheme turns an account index into a path. `branch` is set where the index is a non-hardened last
 * step: one extended public key of the branch then yields every address without asking the device again.
 */
interface SchemeLayout {
  path(index: number): string;
  branch: string | null;
  /** BIP44 index 0 is Ledger Live's account 0, so scanning it again would only show a duplicate. */
  firstIndex: number;
}

export const SCHEMES: Record<DiscoveryScheme, SchemeLayout> = {
  'ledger-live': { path: (index) => `m/44'/60'/${index}'/0/0`, branch: null, firstIndex: 0 },
  bip44: { path: (index) => `m/44'/60'/0'/0/${index}`, branch: "m/44'/60'/0'/0", firstIndex: 1 },
  legacy: { path: (index) => `m/44'/60'/0'/${index}`, branch: "m/44'/60'/0'", firstIndex: 0 },
};

/** The node whose key identifies a seed: every scheme above descends from it or from its siblings. */
export const FINGERPRINT_PATH = "m/44'/60'/0'";

export function deriveChildAddress(parent: ExtendedPublicKey, index: number): ChecksumAddress {
  const child = new HDKey({ publicKey: parent.publicKey, chainCode: parent.chainCode }).deriveChild(index);
  if (!child.publicKey) throw new Error(`no public key derives at child ${index}`);
  return toChecksumAddress(computeAddress(hexlify(child.publicKey)));
}

/**
 * A seed's fingerprint as BIP32 defines a key's (the first 4 bytes of HASH160 of its public key), taken at
 * m/44'/60'/0' because Ethereum apps do not export the master key. Two devices restored from one seed share
 * it, which is the point: they sign for the same accounts.
 */
export function seedFingerprint(key: ExtendedPublicKey): string {
  const node = new HDKey({ publicKey: key.publicKey, chainCode: key.chainCode });
  return node.fingerprint.toString(16).padStart(8, '0');
}
