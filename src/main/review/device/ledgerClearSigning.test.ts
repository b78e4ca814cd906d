import { describe, expect, it } from 'vitest';
import { ledgerClearTransfer } from './ledgerClearSigning';
import {
  ALICE,
  UNLISTED_TOKEN,
  USDC,
  approveData,
  transferData,
} from '../../../../test/review/deviceScreenFixtures';

const usdcTransfer = { to: USDC, value: 0n, data: transferData(ALICE, 12_500_000n) };

describe('ledgerClearTransfer', () => {
  it("pairs a USDC transfer on Ethereum with Ledger's descriptor, its recipient and amount", () => {
    expect(ledgerClearTransfer(1, usdcTransfer)).toMatchObject({
      token: { ticker: 'USDC', decimals: 6 },
      recipient: ALICE,
      amount: 12_500_000n,
    });
  });

  it('leaves everything else to blind signing', () => {
    expect(ledgerClearTransfer(1, { ...usdcTransfer, value: 1n })).toBeNull();
    expect(ledgerClearTransfer(1, { ...usdcTransfer, to: UNLISTED_TOKEN })).toBeNull();
    expect(ledgerClearTransfer(1, { ...usdcTransfer, to: null })).toBeNull();
    expect(ledgerClearTransfer(1, { ...usdcTransfer, data: approveData(ALICE, 1n) })).toBeNull();
    expect(ledgerClearTransfer(10, usdcTransfer)).toBeNull();
  });
});
