import type { Finding, TxReview } from '../../../src/shared/review';
import { txReviewFixture } from '../../tx/txReviewFixture';

/** The Send page tests' Ledger account (deviceAccount(1, ledgerDevice(), …)) and the recipient Bob. */
const FROM = '0xa000f00dbabe000000000000000000000000A000';
const BOB = '0x2222222222222222222222222222222222222222';
const TKN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const DRAINER = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

const gwei = (n: number) => (BigInt(n) * 10n ** 9n).toString();

/** A fee option at a max fee per gas (gwei), the tip 40 below it, with its likely and max cost. */
function feeAt(maxGwei: number, likely: string, max: string) {
  return {
    maxFeePerGas: gwei(maxGwei),
    maxPriorityFeePerGas: gwei(maxGwei - 40),
    gasPrice: null,
    likely,
    max,
  };
}

/** The normal speed, whose likely fee has more digits than a screen should show. */
const NORMAL = feeAt(42, '462123456789012', '882000000000000');

/**
 * A review as main answers it, checked against the contract: 0.5 ETH to Bob on Ethereum, with a Ledger
 * showing its lines and a simulation with both sides of the transfer. The builders below change one thing
 * each, so a test reads as the situation it is about.
 */
export function txReview(change: Partial<TxReview> = {}): TxReview {
  return txReviewFixture({
    from: { accountId: 1, address: FROM, label: 'Ledger main' },
    summary: 'Send 0.5 ETH to Bob',
    action: {
      type: 'native-transfer',
      to: { address: BOB, name: 'Bob', source: 'address-book' },
      amount: { value: (5n * 10n ** 17n).toString(), decimals: 18, symbol: 'ETH', unlimited: false },
    },
    transaction: { to: BOB.toLowerCase(), value: (5n * 10n ** 17n).toString(), data: '0x', nonce: 7 },
    simulation: {
      status: 'simulated',
      balanceChanges: [
        {
          account: { address: FROM, name: 'Ledger main', source: 'account' },
          asset: { kind: 'native', token: null, symbol: 'ETH', decimals: 18, tokenId: null },
          delta: (-5n * 10n ** 17n).toString(),
        },
        {
          account: { address: BOB, name: 'Bob', source: 'address-book' },
          asset: { kind: 'native', token: null, symbol: 'ETH', decimals: 18, tokenId: null },
          delta: (5n * 10n ** 17n).toString(),
        },
      ],
      reverted: false,
      revertReason: null,
      gasUsed: '21000',
      note: null,
    },
    fees: {
      speeds: {
        slow: feeAt(41, '441000000000000', '861000000000000'),
        normal: NORMAL,
        fast: feeAt(44, '504000000000000', '924000000000000'),
      },
      chosen: NORMAL,
      speed: 'normal',
      gasLimit: '21000',
      nativeSymbol: 'ETH',
      nativeDecimals: 18,
      l1: { status: 'not-charged', amount: null, message: null },
    },
    totalMax: '500882000000000000',
    device: {
      kind: 'ledger',
      label: 'Cold storage',
      fingerprint: 'f00dbabe',
      mode: 'clear',
      lines: [
        { label: 'Amount', value: 'ETH 0.5' },
        { label: 'To', value: BOB },
        { label: 'Max fees', value: 'ETH 0.000882' },
      ],
      note: null,
    },
    ...change,
  });
}

/** A blocking finding as main words it. */
export function finding(change: Partial<Finding> & Pick<Finding, 'code' | 'message'>): Finding {
  return { severity: 'warning', overridable: false, facts: [], fix: null, ...change };
}

/** 99,999 ETH from an account holding about 1.2: blocked, with the balance and a Max fix. */
export function overBalanceReview(): TxReview {
  return txReview({
    summary: 'Send 99,999 ETH to Bob',
    findings: [
      finding({ code: 'first-time-recipient', message: 'You have not sent to this address before.' }),
      finding({
        code: 'insufficient-balance',
        severity: 'blocking',
        message: 'The account holds less than the amount plus the max network fee.',
        facts: [
          { label: 'Balance', value: '1.2 ETH' },
          { label: 'Needed at most', value: '99,999.000882 ETH' },
        ],
        fix: { type: 'max', amount: '1.199118' },
      }),
    ],
    blocked: true,
  });
}

/** The demo drainer's claim(): a contract call that takes the user's 100 TKN. */
export function drainerReview(): TxReview {
  return txReview({
    purpose: 'call',
    summary: 'Call claim() on 0xe7f1…0512',
    action: {
      type: 'contract-call',
      to: { address: DRAINER, name: null, source: 'none' },
      method: 'claim()',
      value: { value: '0', decimals: 18, symbol: 'ETH', unlimited: false },
    },
    transaction: { to: DRAINER.toLowerCase(), value: '0', data: '0x4e71d92d', nonce: 7 },
    simulation: {
      status: 'simulated',
      balanceChanges: [
        {
          account: { address: FROM, name: 'Ledger main', source: 'account' },
          asset: { kind: 'erc20', token: TKN, symbol: 'TKN', decimals: 18, tokenId: null },
          delta: (-100n * 10n ** 18n).toString(),
        },
        {
          account: { address: DRAINER, name: null, source: 'none' },
          asset: { kind: 'erc20', token: TKN, symbol: 'TKN', decimals: 18, tokenId: null },
          delta: (100n * 10n ** 18n).toString(),
        },
      ],
      reverted: false,
      revertReason: null,
      gasUsed: '51234',
      note: null,
    },
    findings: [
      finding({
        code: 'blind-signing',
        message: 'Your Ledger cannot decode this call and will show only its data.',
      }),
    ],
    device: {
      kind: 'ledger',
      label: 'Cold storage',
      fingerprint: 'f00dbabe',
      mode: 'blind',
      lines: [{ label: 'Data', value: '0x4e71d92d' }],
      note: 'Blind signing must be enabled in the Ethereum app’s settings.',
    },
  });
}

/** A call that reverts: blocked, but the user may sign anyway after saying so. */
export function revertReview(): TxReview {
  const drainer = drainerReview();
  return {
    ...drainer,
    summary: 'Call fail() on 0xe7f1…0512',
    simulation: {
      ...drainer.simulation,
      balanceChanges: [],
      reverted: true,
      revertReason: 'Always fails',
      gasUsed: null,
    },
    findings: [
      finding({
        code: 'reverts',
        severity: 'blocking',
        overridable: true,
        message: 'The simulation says this transaction fails: Always fails. Signing it still costs a fee.',
      }),
    ],
    blocked: true,
  };
}

/** A speed-up of the pending transaction 1 (nonce 7), from 42 to 50 gwei. */
export function speedUpReview(): TxReview {
  return txReview({
    purpose: 'speed-up',
    summary: 'Speed up: send 0.5 ETH to Bob at a higher fee',
    replaces: {
      id: 1,
      hash: `0x${'1'.repeat(64)}`,
      oldMaxFee: '882000000000000',
      newMaxFee: '1050000000000000',
      oldMaxFeePerGas: gwei(42),
      newMaxFeePerGas: gwei(50),
    },
  });
}
