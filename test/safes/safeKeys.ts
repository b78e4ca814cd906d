import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { computeAddress, getBytes, id } from 'ethers';
import type { SignatureParts } from '../../src/main/signers/signer';
import { type ChecksumAddress, toChecksumAddress } from '../../src/main/store/address';

/** A Safe owner whose key lives in the test: it signs a 32-byte hash as it is, as the phone does. */
export interface TestOwner {
  address: ChecksumAddress;
  privateKey: Uint8Array;
  signHash(hash: string): SignatureParts;
}

/**
 * Owner `n` (any non-negative integer) always has the same key, derived from a label no real wallet uses, so
 * tests can name owners by number and different files agree on who owner 1 is.
 */
export function testOwner(n: number): TestOwner {
  if (!Number.isInteger(n) || n < 0) throw new Error(`test owner ${n} is not a non-negative integer`);
  const privateKey = getBytes(id(`ledgerline test safe owner ${n}`));
  return {
    address: toChecksumAddress(computeAddress(`0x${bytesToHex(privateKey)}`)),
    privateKey,
    signHash(hash: string): SignatureParts {
      const digest = getBytes(hash);
      if (digest.length !== 32) throw new Error(`signHash takes a 32-byte hash, not ${digest.length} bytes`);
      const signature = secp256k1.sign(digest, privateKey, { prehash: false, format: 'recovered' });
      const recovery = signature[0];
      if (recovery !== 0 && recovery !== 1) throw new Error('recovery id out of range for Ethereum');
      return {
        r: `0x${bytesToHex(signature.subarray(1, 33))}`,
        s: `0x${bytesToHex(signature.subarray(33, 65))}`,
        yParity: recovery,
      };
    },
  };
}

/** Owners 1..count, sorted by address as the Safe's signature packing wants them. */
export function testOwners(count: number): TestOwner[] {
  return Array.from({ length: count }, (_, i) => testOwner(i + 1)).sort((a, b) =>
    a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1,
  );
}
