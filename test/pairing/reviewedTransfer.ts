import type { UnsignedTransaction } from '../../src/main/signers/signer';
import { toChecksumAddress } from '../../src/main/store/address';
import type { TxReview } from '../../src/shared/review';
import { txReviewFixture } from '../tx/txReviewFixture';

export const BOB = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
export const CHAIN_ID = 31_337;

/** 0.01 ETH to Bob on anvil's chain. */
export function transfer(nonce: number): UnsignedTransaction {
  return {
    type: 2,
    chainId: BigInt(CHAIN_ID),
    nonce,
    to: BOB,
    value: 10n ** 16n,
    data: '0x',
    gasLimit: 21_000n,
    maxFeePerGas: 3_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  };
}

/** The desktop's review of exactly `transaction`, as main computes it for a plain send to Bob. */
export function reviewOf(transaction: UnsignedTransaction, overrides: Partial<TxReview> = {}): TxReview {
  return txReviewFixture({
    chainId: Number(transaction.chainId),
    transaction: {
      to: transaction.to,
      value: transaction.value.toString(),
      data: transaction.data.toLowerCase(),
      nonce: transaction.nonce,
    },
    ...overrides,
  });
}
