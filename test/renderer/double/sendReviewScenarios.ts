import type { SendDraft } from '../../../src/shared/tx';
import { deviceAccount, ledgerDevice } from '../deviceFixture';
import { ALICE, BOB, watchAccount } from '../portfolioFixture';
import { type ReviewWorld, reviewWorld } from './reviewWorld';

export interface SendReviewScenario {
  world: ReviewWorld;
  draft: SendDraft;
}

const ledger = ledgerDevice();

/** The Send page tests' wallet: a Ledger account, a watch-only treasury, and Bob saved as "alice". */
const sendPageWorld = reviewWorld({
  devices: [ledger],
  accounts: [deviceAccount(1, ledger, 'ledger-live', 0, 'Ledger main'), watchAccount(2, ALICE, 'Treasury')],
  addressBook: { alice: BOB },
  names: { labels: [], contacts: [] },
  outgoing: [],
});

/**
 * The drafts whose reviews the renderer double answers with. TxService reviews each of them in its world
 * (test/tx/sendReviewRecordings.test.ts) and the answers are kept in sendReviews.json; a renderer test that
 * reviews another draft adds it here and records again with `vitest run test/tx/sendReviewRecordings --update`.
 */
export const SEND_REVIEW_SCENARIOS: SendReviewScenario[] = [
  {
    world: sendPageWorld,
    draft: { accountId: 1, chainId: 1, to: 'alice', asset: 'native', amount: '0.5', speed: 'normal' },
  },
  {
    world: sendPageWorld,
    draft: {
      accountId: 1,
      chainId: 1,
      to: 'alice',
      asset: 'native',
      amount: '0.5',
      speed: 'custom',
      custom: { maxFeeGwei: '30', priorityFeeGwei: '3' },
    },
  },
  {
    world: sendPageWorld,
    draft: { accountId: 1, chainId: 1, to: BOB, asset: 'native', amount: '1', speed: 'normal' },
  },
  {
    world: sendPageWorld,
    draft: { accountId: 2, chainId: 1, to: BOB, asset: 'native', amount: '1', speed: 'normal' },
  },
];
