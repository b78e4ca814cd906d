import { describe, expect, it } from 'vitest';
import { SignRequestMessage } from '../../shared/pairing/messages';
import { toChecksumAddress } from '../store/address';
import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { phoneReview } from './phoneReview';
import { signRequest } from './signRequest';

const TO = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const common = { chainId: 10n, nonce: 3, to: TO, value: 10n ** 18n, data: '0x', gasLimit: 21_000n };

describe('signRequest', () => {
  it('carries an EIP-1559 transaction with its amounts as decimal strings', () => {
    const message = signRequest({
      id: 'a'.repeat(32),
      desktop: 'Desk',
      desktopChainId: 1,
      review: null,
      transaction: { ...common, type: 2, maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1n },
    });
    expect(message).toEqual({
      t: 'sign',
      id: 'a'.repeat(32),
      desktop: 'Desk',
      chainId: 10,
      desktopChainId: 1,
      tx: {
        type: 2,
        nonce: 3,
        to: TO,
        value: '1000000000000000000',
        data: '0x',
        gasLimit: '21000',
        maxFeePerGas: '3000000000',
        maxPriorityFeePerGas: '1',
      },
    });
  });

  it('carries a legacy transaction with its gas price, in a message the phone accepts', () => {
    const message = signRequest({
      id: 'b'.repeat(32),
      desktop: 'Desk',
      desktopChainId: 10,
      review: null,
      transaction: { ...common, to: null, type: 0, gasPrice: 7n },
    });
    expect(message.tx).toEqual({
      type: 0,
      nonce: 3,
      to: null,
      value: '1000000000000000000',
      data: '0x',
      gasLimit: '21000',
      gasPrice: '7',
    });
    expect(SignRequestMessage.safeParse({ ...message, createdAt: 1, expiresAt: 2 }).success).toBe(true);
  });

  it('carries the review it is given, and leaves the field out without one', () => {
    const transaction = { ...common, type: 0 as const, gasPrice: 7n };
    const review = phoneReview(
      txReviewFixture({
        chainId: 10,
        transaction: { to: TO, value: '1000000000000000000', data: '0x', nonce: 3 },
      }),
    );
    const message = signRequest({
      id: 'c'.repeat(32),
      desktop: 'Desk',
      desktopChainId: 10,
      review,
      transaction,
    });
    expect(message.review).toEqual(review);
    expect(SignRequestMessage.parse({ ...message, createdAt: 1, expiresAt: 2 }).review).toEqual(review);
    const bare = signRequest({
      id: 'c'.repeat(32),
      desktop: 'Desk',
      desktopChainId: 10,
      review: null,
      transaction,
    });
    expect('review' in bare).toBe(false);
  });
});
