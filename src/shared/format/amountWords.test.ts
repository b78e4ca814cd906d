import { describe, expect, it } from 'vitest';
import { amountWords, MINUS } from './amountWords';

describe('amountWords', () => {
  it('writes a balance change with a real minus or a plus, and "…" where digits were cut', () => {
    expect(amountWords(-100n * 10n ** 18n, 18, 'TKN', { signed: true }).text).toBe(`${MINUS}100 TKN`);
    expect(amountWords(5n * 10n ** 17n, 18, 'ETH', { signed: true }).text).toBe('+0.5 ETH');
    const cut = amountWords(462_123_456_789_000n, 18, 'ETH');
    expect(cut).toEqual({
      text: '0.000462123… ETH',
      title: '0.000462123456789 ETH',
      copy: '0.000462123456789',
    });
  });

  it('says Unlimited rather than a 78-digit number, and copies digits without separators', () => {
    expect(amountWords(2n ** 256n - 1n, 6, 'USDC', { unlimited: true }).text).toBe('Unlimited USDC');
    expect(amountWords(1_234_567_500_000n, 6, 'USDC').copy).toBe('1234567.5');
    expect(amountWords(-3n, 0, 'NFT').copy).toBe('-3');
  });
});
