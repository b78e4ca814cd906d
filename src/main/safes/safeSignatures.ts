import { concat, recoverAddress, Signature, toBeHex } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { SignatureParts } from '../signers/signer';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';

type Hex = `0x${string}`;

/** One owner's ECDSA signature of a safeTxHash itself (no prefix), as its device or phone returned it. */
export interface SafeSignature {
  owner: ChecksumAddress;
  signature: SignatureParts;
}

const WORD = /^0x[0-9a-fA-F]{64}$/;

function invalid(message: string): ApiError {
  return new ApiError('invalid_request', message);
}

/** Throws in words when the parts are not a signature at all (they may come from a phone or another desktop). */
export function recoverSigner(safeTxHash: string, signature: SignatureParts): ChecksumAddress {
  const { r, s, yParity } = signature;
  if (!WORD.test(safeTxHash)) throw invalid('The Safe transaction hash is not a 32-byte hash.');
  if (!WORD.test(r) || !WORD.test(s) || (yParity !== 0 && yParity !== 1)) {
    throw invalid('The signature is malformed: r and s must be 32 bytes each and yParity 0 or 1.');
  }
  try {
    return toChecksumAddress(recoverAddress(safeTxHash, Signature.from({ r, s, yParity })));
  } catch (error) {
    throw new ApiError('invalid_request', 'The signature does not belong to any key.', {
      cause: error,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/**
 * Checks, before anything is sent, what the Safe itself would check on execution: each signature is its
 * owner's, each owner a current owner and counted once, and there are at least `threshold` of them.
 */
export function checkSignatures(
  safeTxHash: string,
  signatures: readonly SafeSignature[],
  safe: { owners: readonly ChecksumAddress[]; threshold: number },
): void {
  const owners = new Set(safe.owners.map((owner) => owner.toLowerCase()));
  const seen = new Set<string>();
  for (const { owner, signature } of signatures) {
    const signer = recoverSigner(safeTxHash, signature);
    if (signer !== owner) {
      throw invalid(
        `The signature said to be ${short(owner)}'s was made by ${short(signer)}; it is not valid for this ` +
          'Safe transaction.',
      );
    }
    if (!owners.has(owner.toLowerCase())) throw invalid(`${owner} is not an owner of this Safe.`);
    if (seen.has(owner.toLowerCase())) throw invalid(`${owner} has signed twice; each owner counts once.`);
    seen.add(owner.toLowerCase());
  }
  if (seen.size < safe.threshold) {
    throw invalid(
      `This Safe needs ${safe.threshold} signatures and has ${seen.size}; collect the others before executing.`,
    );
  }
}

/** The `signatures` bytes execTransaction takes: r‖s‖v per owner, owners in ascending order as it requires. */
export function packSignatures(signatures: readonly SafeSignature[]): Hex {
  const sorted = [...signatures].sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
  return concat(
    sorted.flatMap(({ signature }) => [signature.r, signature.s, toBeHex(27 + signature.yParity, 1)]),
  ).toLowerCase() as Hex;
}
