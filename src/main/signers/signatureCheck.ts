import { hashMessage, recoverAddress, Signature, Transaction } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { ChecksumAddress } from '../store/address';
import type { SignatureParts, TypedData, UnsignedTransaction } from './signer';
import { typedDataHashes } from './typedDataHash';

/** A signature that recovers to the account it was asked of, with the digest it covers. */
export interface CheckedSignature {
  /** 65 bytes, r ‖ s ‖ v with v 27 or 28, lowercase hex. */
  signature: string;
  digest: string;
}

export interface CheckedTransaction {
  /** The signed transaction, ready for eth_sendRawTransaction. */
  serialized: string;
  hash: string;
}

/**
 * Every signature is recovered and compared with the account before it leaves the signer layer: a device
 * that signs with another key (wrong seed, wrong passphrase, a bug in path handling) must never get a
 * transaction broadcast or a message handed to a dapp.
 */
export function checkTransaction(
  transaction: UnsignedTransaction,
  parts: SignatureParts,
  expected: ChecksumAddress,
): CheckedTransaction {
  const signed = wellFormed(() => Transaction.from({ ...transaction, signature: toSignature(parts) }));
  assertSigner(
    wellFormed(() => signed.from),
    expected,
  );
  return { serialized: signed.serialized, hash: signed.hash as string };
}

export function checkPersonalSignature(
  message: Uint8Array,
  parts: SignatureParts,
  expected: ChecksumAddress,
): CheckedSignature {
  return checkDigest(hashMessage(message), parts, expected);
}

export function checkTypedDataSignature(
  data: TypedData,
  parts: SignatureParts,
  expected: ChecksumAddress,
): CheckedSignature {
  return checkDigest(typedDataHashes(data).digest, parts, expected);
}

function checkDigest(digest: string, parts: SignatureParts, expected: ChecksumAddress): CheckedSignature {
  const signature = wellFormed(() => toSignature(parts));
  assertSigner(
    wellFormed(() => recoverAddress(digest, signature)),
    expected,
  );
  return { signature: signature.serialized.toLowerCase(), digest: digest.toLowerCase() };
}

function toSignature(parts: SignatureParts): Signature {
  return Signature.from({ r: parts.r, s: parts.s, yParity: parts.yParity });
}

/** A signature that does not parse or recover is as wrong as one from another key. */
function wellFormed<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ApiError('signature_mismatch', 'The device returned a signature that is not well formed.', {
      cause: error,
    });
  }
}

function assertSigner(recovered: string | null, expected: ChecksumAddress): void {
  if (recovered !== expected) {
    throw new ApiError(
      'signature_mismatch',
      `The device signed with ${recovered ?? 'an unknown key'}, not with this account (${expected}). ` +
        'Nothing was sent. Check that the device holds the seed (and passphrase) this account came from.',
    );
  }
}
