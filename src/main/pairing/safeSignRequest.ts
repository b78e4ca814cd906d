import { getAddress, recoverAddress, Signature } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { SafeSignRequestMessage } from '../../shared/pairing/messages';
import { hashSafeTx } from '../../shared/pairing/safeTx';
import type { SignatureParts } from '../signers/signer';

/** What the safes service says about a Safe transaction; the pairing service adds who asks, and when. */
export type SafeSignFields = Omit<
  SafeSignRequestMessage,
  't' | 'id' | 'desktop' | 'desktopChainId' | 'createdAt' | 'expiresAt'
>;

/**
 * A `safeSign` as the phone receives it, but for its times. The phone refuses a hash that is not its own
 * EIP-712 hash of the transaction, so a mismatch is caught here first, where it can be said in the app.
 */
export function safeSignRequest(request: {
  id: string;
  desktop: string;
  desktopChainId: number;
  fields: SafeSignFields;
}): Omit<SafeSignRequestMessage, 'createdAt' | 'expiresAt'> {
  const { id, desktop, desktopChainId, fields } = request;
  if (hashSafeTx(fields.chainId, fields.safe, fields.safeTx) !== fields.safeTxHash) {
    throw new ApiError(
      'invalid_request',
      'The Safe transaction hash does not match the transaction, so it was not sent to the phone.',
    );
  }
  return { t: 'safeSign', id, desktop, desktopChainId, ...fields };
}

/**
 * The phone's answer counts only if it recovers to the phone's own address over the Safe transaction hash:
 * the Safe would refuse any other signature at execution, after the user had been told it was signed.
 */
export function checkPhoneSafeSignature(
  safeTxHash: string,
  parts: SignatureParts,
  phone: { name: string; address: string },
): SignatureParts {
  let recovered: string;
  try {
    recovered = recoverAddress(safeTxHash, Signature.from(parts));
  } catch (error) {
    throw new ApiError(
      'signature_mismatch',
      `${phone.name} returned a signature that is not well formed. Nothing was recorded.`,
      { cause: error },
    );
  }
  if (recovered !== getAddress(phone.address)) {
    throw new ApiError(
      'signature_mismatch',
      `${phone.name} signed with ${recovered}, not with its paired account ${getAddress(phone.address)}. ` +
        'Nothing was recorded.',
    );
  }
  return parts;
}
