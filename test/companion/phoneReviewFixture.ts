import { keccak256 } from 'ethers';
import type { SignRequestMessage } from '../../src/companion/core/signRequest';
import type { PhoneReview } from '../../src/shared/pairing/phoneReview';
import { signRequest } from './signRequestFixture';

/** The desktop's review of exactly `request`'s transaction: by default the fixture's 1.5 ETH to Alice. */
export function phoneReviewFor(
  request: SignRequestMessage,
  overrides: Partial<PhoneReview> = {},
): PhoneReview {
  const { tx } = request;
  return {
    summary: 'Send 1.5 ETH to Alice',
    blocked: false,
    findings: [],
    balanceChanges: [],
    gasUsed: '21000',
    simulation: 'simulated',
    note: null,
    reviewed: {
      chainId: request.chainId,
      to: tx.to,
      value: tx.value,
      nonce: tx.nonce,
      dataHash: keccak256(tx.data),
    },
    action: 'native-transfer',
    counterparty: tx.to,
    tokenAmount: null,
    ...overrides,
  };
}

/** A request carrying its own review, changed by `overrides`. */
export function reviewedRequest(
  overrides: Partial<PhoneReview> = {},
  tx: Partial<SignRequestMessage['tx']> = {},
): SignRequestMessage {
  const request = signRequest({}, tx);
  return { ...request, review: phoneReviewFor(request, overrides) };
}
