import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../../shared/review';
import { handsOverAssets } from './handsOverAssets';

const DRAINER = '0x6a4f1376d3155A9594248D489fF80E0b2804A7c2';
const call: ReviewAction = {
  type: 'contract-call',
  to: { address: DRAINER, name: null, source: 'none' },
  method: 'claim()',
  value: { value: '0', decimals: 18, symbol: 'ETH', unlimited: false },
};
const tkn = (delta: bigint) => ({ kind: 'erc20' as const, symbol: 'TKN', decimals: 18, delta });
const HUNDRED = 100n * 10n ** 18n;

describe('handsOverAssets', () => {
  it('warns when a call takes tokens from the account and gives none back, naming what leaves', () => {
    const found = handsOverAssets({ action: call, senderChanges: [tkn(-HUNDRED)] });
    expect(found).toMatchObject({
      code: 'hands-over-assets',
      severity: 'warning',
      facts: [{ label: 'Leaves your account', value: '100 TKN' }],
    });
    expect(found?.message).toContain('takes 100 TKN from your account');
  });

  it('stays quiet for a swap (a token comes back), a call that only moves the coin, and a plain transfer', () => {
    const usdc = { kind: 'erc20' as const, symbol: 'USDC', decimals: 6, delta: 5_000_000n };
    expect(handsOverAssets({ action: call, senderChanges: [tkn(-HUNDRED), usdc] })).toBeNull();
    const coin = { kind: 'native' as const, symbol: 'ETH', decimals: 18, delta: -(10n ** 17n) };
    expect(handsOverAssets({ action: call, senderChanges: [coin] })).toBeNull();
    const transfer: ReviewAction = {
      type: 'token-transfer',
      token: { address: DRAINER, name: 'TKN', source: 'token-list' },
      to: { address: DRAINER, name: null, source: 'none' },
      amount: { value: HUNDRED.toString(), decimals: 18, symbol: 'TKN', unlimited: false },
    };
    expect(handsOverAssets({ action: transfer, senderChanges: [tkn(-HUNDRED)] })).toBeNull();
  });
});
