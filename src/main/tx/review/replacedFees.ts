import type { TxReview } from '../../../shared/review';
import type { UnsignedTransaction } from '../../signers/signer';

/** The fee cap per gas a transaction is signed with: the max fee, or a legacy gas price. */
export function capPerGas(transaction: UnsignedTransaction): bigint {
  return transaction.type === 2 ? transaction.maxFeePerGas : transaction.gasPrice;
}

/** What the user compares before replacing: the most the old transaction could cost, and the new one. */
export function replacedFees(
  original: { id: number; hash: string },
  previous: UnsignedTransaction,
  replacement: UnsignedTransaction,
): NonNullable<TxReview['replaces']> {
  return {
    id: original.id,
    hash: original.hash,
    oldMaxFee: (capPerGas(previous) * previous.gasLimit).toString(),
    newMaxFee: (capPerGas(replacement) * replacement.gasLimit).toString(),
    oldMaxFeePerGas: capPerGas(previous).toString(),
    newMaxFeePerGas: capPerGas(replacement).toString(),
  };
}
