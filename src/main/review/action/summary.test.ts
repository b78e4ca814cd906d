import { describe, expect, it } from 'vitest';
import type { Party, ReviewAmount } from '../../../shared/review';
import { summarize } from './summary';

const party = (name: string | null, address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'): Party => ({
  address,
  name,
  source: name ? 'label' : 'none',
});
const amount = (value: bigint, decimals: number, symbol: string, unlimited = false): ReviewAmount => ({
  value: value.toString(),
  decimals,
  symbol,
  unlimited,
});
const usdc = party('USDC', '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');

describe('summarize', () => {
  it('says what a send does, in the token’s units', () => {
    const send = {
      type: 'token-transfer',
      token: usdc,
      to: party('Alice'),
      amount: amount(12_500_000n, 6, 'USDC'),
    } as const;
    expect(summarize(send, 'send')).toBe('Send 12.5 USDC to Alice');
    const native = {
      type: 'native-transfer',
      to: party('Bob'),
      amount: amount(10n ** 16n, 18, 'ETH'),
    } as const;
    expect(summarize(native, 'send')).toBe('Send 0.01 ETH to Bob');
    expect(summarize(native, 'speed-up')).toBe('Speed up: Send 0.01 ETH to Bob');
  });

  it('cuts amounts to six significant digits, never rounding up', () => {
    const native = {
      type: 'native-transfer',
      to: party(null),
      amount: amount(1_999_999_999_999_999_999n, 18, 'ETH'),
    } as const;
    expect(summarize(native, 'send')).toBe('Send 1.999999 ETH to 0x3C44…93BC');
  });

  it('says approvals with their spender and "unlimited", and a revoke as such', () => {
    const approval = (value: bigint, unlimited = false) =>
      ({
        type: 'approval',
        token: usdc,
        spender: party('Uniswap'),
        amount: amount(value, 6, 'USDC', unlimited),
      }) as const;
    expect(summarize(approval(2n ** 256n - 1n, true), 'call')).toBe(
      'Approve Uniswap to spend unlimited USDC',
    );
    expect(summarize(approval(25_000_000n), 'call')).toBe('Approve Uniswap to spend 25 USDC');
    const revoke = { ...approval(0n), spender: party(null, '0xABcdEFABcdEFabcdEfAbCdefabcdeFABcDEFabCD') };
    expect(summarize(revoke, 'revoke')).toBe('Revoke USDC for 0xABcd…abCD');
  });

  it('says approvals for a whole collection both ways', () => {
    const all = (approved: boolean) =>
      ({
        type: 'approval-for-all',
        collection: party('Punks'),
        operator: party('Seaport 1.6'),
        approved,
      }) as const;
    expect(summarize(all(true), 'call')).toBe('Approve Seaport 1.6 to move all of your Punks');
    expect(summarize(all(false), 'revoke')).toBe('Revoke Punks for Seaport 1.6');
  });

  it('says contract calls by method, with the coin sent', () => {
    const callOf = (method: string, value = 0n) =>
      ({ type: 'contract-call', to: party(null), method, value: amount(value, 18, 'ETH') }) as const;
    expect(summarize(callOf('claim()'), 'call')).toBe('Call claim() on 0x3C44…93BC');
    expect(summarize(callOf('multicall(bytes[])', 10n ** 18n), 'call')).toBe(
      'Call multicall(…) on 0x3C44…93BC, sending 1 ETH',
    );
    expect(summarize(callOf('0x12345678'), 'call')).toBe('Call 0x12345678 on 0x3C44…93BC');
  });

  it('says a cancel by the nonce it replaces', () => {
    expect(summarize({ type: 'cancel', nonce: 5 }, 'cancel')).toBe('Cancel transaction 5');
  });
});
