import { TxReview } from '../../src/shared/review';

const ADDRESS = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const FRIEND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const FEE = {
  maxFeePerGas: '20000000000',
  maxPriorityFeePerGas: '1000000000',
  gasPrice: null,
  likely: '21000000000000',
  max: '420000000000000',
};

/**
 * A review as main would compute it for a plain 0.01 ETH send, for tests of what carries a review (signing,
 * the overlay, the phone) rather than of the review itself. It parses with the contract's schema.
 */
export function txReviewFixture(overrides: Partial<TxReview> = {}): TxReview {
  return TxReview.parse({
    purpose: 'send',
    chainId: 1,
    chainName: 'Ethereum',
    from: { accountId: 1, address: ADDRESS, label: 'Ledger main' },
    summary: 'Send 0.01 ETH to Bob',
    action: {
      type: 'native-transfer',
      to: { address: FRIEND, name: 'Bob', source: 'address-book' },
      amount: { value: '10000000000000000', decimals: 18, symbol: 'ETH', unlimited: false },
    },
    transaction: { to: FRIEND, value: '10000000000000000', data: '0x', nonce: 0 },
    simulation: {
      status: 'simulated',
      balanceChanges: [],
      reverted: false,
      revertReason: null,
      gasUsed: '21000',
      note: null,
    },
    findings: [],
    fees: {
      speeds: { slow: FEE, normal: FEE, fast: FEE },
      chosen: FEE,
      speed: 'normal',
      gasLimit: '21000',
      nativeSymbol: 'ETH',
      nativeDecimals: 18,
      l1: { status: 'not-charged', amount: null, message: null },
    },
    totalMax: '10420000000000000',
    replaces: null,
    device: null,
    cannotSign: null,
    blocked: false,
    ...overrides,
  });
}
