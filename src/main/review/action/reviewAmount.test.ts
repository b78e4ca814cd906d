import { describe, expect, it } from 'vitest';
import { ReviewAmount } from '../../../shared/review';
import {
  amountWords,
  isReviewDecimals,
  NEVER_UNLIMITED,
  reviewAmount,
  unknownTokenSymbol,
} from './reviewAmount';

const MAX = 2n ** 256n - 1n;

describe('reviewAmount', () => {
  it('carries the value as decimal text the shared schema accepts', () => {
    const amount = reviewAmount(12_500_000n, 6, 'USDC');
    expect(ReviewAmount.parse(amount)).toEqual({
      value: '12500000',
      decimals: 6,
      symbol: 'USDC',
      unlimited: false,
    });
    expect(ReviewAmount.parse(reviewAmount(MAX, 18, 'X')).value).toBe(MAX.toString());
  });

  it('calls 2^255 and above unlimited, by default', () => {
    expect(reviewAmount(2n ** 255n - 1n, 18, 'X').unlimited).toBe(false);
    expect(reviewAmount(2n ** 255n, 18, 'X').unlimited).toBe(true);
    expect(reviewAmount(MAX, 18, 'X').unlimited).toBe(true);
  });

  it('takes another threshold, or none', () => {
    expect(reviewAmount(2n ** 160n - 1n, 6, 'X', { unlimitedAt: 2n ** 160n - 1n }).unlimited).toBe(true);
    expect(reviewAmount(MAX, 18, 'ETH', { unlimitedAt: NEVER_UNLIMITED }).unlimited).toBe(false);
  });

  it('refuses what no uint256 or token can be, and cuts a long symbol', () => {
    expect(() => reviewAmount(-1n, 18, 'X')).toThrow(RangeError);
    expect(() => reviewAmount(MAX + 1n, 18, 'X')).toThrow(RangeError);
    expect(() => reviewAmount(1n, 78, 'X')).toThrow(RangeError);
    expect(reviewAmount(1n, 0, ` ${'S'.repeat(40)} `).symbol).toBe('S'.repeat(32));
  });
});

describe('isReviewDecimals', () => {
  it('accepts whole numbers from 0 to 77 only', () => {
    expect([0, 18, 77].every(isReviewDecimals)).toBe(true);
    expect([-1, 78, 255, 1.5, Number.NaN].some(isReviewDecimals)).toBe(false);
  });
});

describe('unknownTokenSymbol', () => {
  it('says whose units, within the symbol bound', () => {
    const symbol = unknownTokenSymbol('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
    expect(symbol).toBe('units of 0xA0b8…eB48');
    expect(ReviewAmount.shape.symbol.parse(symbol)).toBe(symbol);
  });
});

describe('amountWords', () => {
  it('says the cut figure and the symbol, or unlimited', () => {
    expect(amountWords(reviewAmount(1_999_999_999_999_999_999n, 18, 'ETH'))).toBe('1.999999 ETH');
    expect(amountWords(reviewAmount(2n ** 256n - 1n, 6, 'USDC'))).toBe('unlimited USDC');
  });
});
