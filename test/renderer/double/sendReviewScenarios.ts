import type { SendDraft } from '../../../src/shared/tx';
import { deviceAccount, ledgerDevice } from '../deviceFixture';
import { ALICE, BOB, watchAccount } from '../portfolioFixture';
import { type ReviewWorld, reviewWorld } from './reviewWorld';

export interface SendReviewScenario {
  world: ReviewWorld;
  draft: SendDraft;
}

const ledger = ledgerDevice();

/** A contract that always reverts with "Always fails"; the recording puts its code on the chain. */
export const REVERTER = '0x000000000000000000000000000000000000dead';
/** Its runtime code: copy the Error("Always fails") revert data after these 12 bytes to memory, revert with it. */
export const REVERTER_CODE =
  '0x6064600c60003960646000fd' +
  '08c379a0' +
  '20'.padStart(64, '0') +
  '0c'.padStart(64, '0') +
  Buffer.from('Always fails').toString('hex').padEnd(64, '0');

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
    // Far more than the account holds: blocked, with the balance and a Max fix.
    world: sendPageWorld,
    draft: { accountId: 1, chainId: 1, to: BOB, asset: 'native', amount: '99999', speed: 'normal' },
  },
  {
    // What its Max fills in: all 10 ETH the recording funds the account with, less the max fee.
    world: sendPageWorld,
    draft: { accountId: 1, chainId: 1, to: BOB, asset: 'native', amount: '9.999958', speed: 'normal' },
  },
  {
    // A call that reverts with a reason (REVERTER's code is set by the recording).
    world: sendPageWorld,
    draft: {
      accountId: 1,
      chainId: 1,
      to: REVERTER,
      asset: 'native',
      amount: '0',
      speed: 'normal',
      data: '0xa9cc4718',
    },
  },
  {
    world: sendPageWorld,
    draft: { accountId: 2, chainId: 1, to: BOB, asset: 'native', amount: '1', speed: 'normal' },
  },
];
