import { describe, expect, it } from 'vitest';
import type { ReviewAction, ReviewPurpose } from '../../../shared/review';
import { insufficientBalance } from './insufficientBalance';

const ETH = 10n ** 18n;
const native = { symbol: 'ETH', decimals: 18 };
const party = {
  address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  name: 'Alice',
  source: 'address-book',
} as const;
const ethSend = (value: bigint): ReviewAction => ({
  type: 'native-transfer',
  to: party,
  amount: { value: value.toString(), decimals: 18, symbol: 'ETH', unlimited: false },
});
const usdcSend = (value: bigint): ReviewAction => ({
  type: 'token-transfer',
  token: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', name: 'USDC', source: 'token-list' },
  to: party,
  amount: { value: value.toString(), decimals: 6, symbol: 'USDC', unlimited: false },
});
const check = (
  action: ReviewAction,
  balance: bigint,
  value: bigint,
  maxFee: bigint,
  tokenBalance: bigint | null = null,
  purpose: ReviewPurpose = 'send',
) => insufficientBalance({ action, purpose, native, balance, tokenBalance, value, maxFee });

describe('insufficientBalance', () => {
  it('blocks, without override, a send above the balance less the max fee, showing both and offering Max', () => {
    const fee = 2_100_000_000_000_000n; // 0.0021 ETH
    expect(check(ethSend(99_999n * ETH), (12n * ETH) / 10n, 99_999n * ETH, fee)).toEqual({
      code: 'insufficient-balance',
      severity: 'blocking',
      overridable: false,
      message:
        'Sending 99,999 ETH with a fee of up to 0.0021 ETH needs 99,999.0021 ETH, but this account holds 1.2 ETH. Send less, or use Max.',
      facts: [
        { label: 'Balance', value: '1.2 ETH' },
        { label: 'Needed (value + max fee)', value: '99,999.0021 ETH' },
      ],
      fix: { type: 'max', amount: '1.1979' },
    });
  });

  it('counts the fee: exactly the balance passes, one wei more blocks', () => {
    expect(check(ethSend(ETH), 2n * ETH, ETH, ETH)).toBeNull();
    expect(check(ethSend(ETH + 1n), 2n * ETH, ETH + 1n, ETH)?.code).toBe('insufficient-balance');
  });

  it('offers Max 0 when the fee alone is more than the balance', () => {
    expect(check(ethSend(1n), 5n, 1n, 10n)?.fix).toEqual({ type: 'max', amount: '0' });
  });

  it('blocks a token send above the token balance, offering the whole token balance', () => {
    const found = check(usdcSend(12_500_000n), ETH, 0n, 1000n, 2_000_000n);
    expect(found?.message).toBe(
      'This account holds 2 USDC, less than the 12.5 USDC to send. Send less, or use Max.',
    );
    expect(found?.facts).toContainEqual({ label: 'USDC balance', value: '2 USDC' });
    expect(found?.fix).toEqual({ type: 'max', amount: '2' });
    expect(check(usdcSend(2_000_000n), ETH, 0n, 1000n, 2_000_000n)).toBeNull();
  });

  it('blocks a token send whose fee the coin balance cannot pay, asking for coin, with no Max', () => {
    const found = check(usdcSend(1n), 10n, 0n, 1000n, 5n);
    expect(found?.message).toBe(
      'The fee can be up to 0.000000000000001 ETH, but this account holds 0.00000000000000001 ETH. Add ETH to this account to pay for it.',
    );
    expect(found?.fix).toBeNull();
  });

  it('offers no Max for what is not a send the user can change', () => {
    expect(check(ethSend(ETH), ETH, ETH, 1n, null, 'speed-up')).toMatchObject({ fix: null });
    const claim: ReviewAction = {
      type: 'contract-call',
      to: party,
      method: 'claim()',
      value: { value: '0', decimals: 18, symbol: 'ETH', unlimited: false },
    };
    expect(check(claim, 0n, 0n, 1n, null, 'call')?.message).toMatch(
      /Add ETH to this account to pay for it\.$/,
    );
  });
});
