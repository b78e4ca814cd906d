import type { UnsignedTransaction } from '../signers/signer';

/**
 * Geth, Erigon and Reth replace a pending transaction only when its fees rise by at least 10%; one more wei
 * on top keeps integer rounding from leaving the bump a hair short.
 */
const BUMP_PERCENT = 10n;

export function bumped(fee: bigint): bigint {
  return fee + (fee * BUMP_PERCENT + 99n) / 100n + 1n;
}

/** The same transaction at the same nonce with the network's minimum replacement bump on every fee. */
export function bumpFees(transaction: UnsignedTransaction): UnsignedTransaction {
  return transaction.type === 2
    ? {
        ...transaction,
        maxFeePerGas: bumped(transaction.maxFeePerGas),
        maxPriorityFeePerGas: bumped(transaction.maxPriorityFeePerGas),
      }
    : { ...transaction, gasPrice: bumped(transaction.gasPrice) };
}
