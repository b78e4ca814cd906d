import type { SignRequestMessage } from '../../shared/pairing/messages';
import type { PhoneReview } from '../../shared/pairing/phoneReview';
import type { UnsignedTransaction } from '../signers/signer';

/** A sign request as the phone receives it, but for its times, which PhoneRequests sets. */
export function signRequest(request: {
  id: string;
  desktop: string;
  desktopChainId: number;
  transaction: UnsignedTransaction;
  /** The desktop's review of `transaction`, from phoneReview; null sends the request without one. */
  review: PhoneReview | null;
}): Omit<SignRequestMessage, 'createdAt' | 'expiresAt'> {
  const { id, desktop, desktopChainId, transaction, review } = request;
  return {
    t: 'sign',
    id,
    desktop,
    chainId: Number(transaction.chainId),
    desktopChainId,
    tx: phoneTransaction(transaction),
    ...(review ? { review } : {}),
  };
}

/** Amounts go as decimal strings: JSON has no bigints. */
function phoneTransaction(transaction: UnsignedTransaction): SignRequestMessage['tx'] {
  const common = {
    nonce: transaction.nonce,
    to: transaction.to,
    value: transaction.value.toString(),
    data: transaction.data,
    gasLimit: transaction.gasLimit.toString(),
  };
  return transaction.type === 2
    ? {
        type: 2,
        ...common,
        maxFeePerGas: transaction.maxFeePerGas.toString(),
        maxPriorityFeePerGas: transaction.maxPriorityFeePerGas.toString(),
      }
    : { type: 0, ...common, gasPrice: transaction.gasPrice.toString() };
}
