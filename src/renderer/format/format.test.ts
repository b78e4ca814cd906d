import { describe, expect, it } from 'vitest';
import { formatAge } from './age';
import { formatAmount, formatCount } from './amount';
import { shortAddress } from './shortAddress';

describe('formatAmount', () => {
  it('is exact with 18 decimals', () => {
    expect(formatAmount(12_500_000_000_000_000_000n, 18)).toEqual({
      text: '12.5',
      exact: '12.5',
      truncated: false,
    });
    expect(formatAmount(1n, 18)).toEqual({
      text: '0.000000000000000001',
      exact: '0.000000000000000001',
      truncated: false,
    });
  });

  it('is exact with 6 decimals', () => {
    expect(formatAmount(1_234_567_891n, 6)).toEqual({
      text: '1,234.567891',
      exact: '1,234.567891',
      truncated: false,
    });
    expect(formatAmount(100n, 6).text).toBe('0.0001');
  });

  it('keeps every digit of a huge integer part, which a float would not', () => {
    const huge = 123_456_789_012_345_678_901_234_567_890n * 10n ** 18n + 1n;
    const formatted = formatAmount(huge, 18);
    expect(formatted.text).toBe('123,456,789,012,345,678,901,234,567,890.000000');
    expect(formatted.exact).toBe('123,456,789,012,345,678,901,234,567,890.000000000000000001');
    expect(formatted.truncated).toBe(true);
  });

  it('cuts to six significant fractional digits without rounding up', () => {
    expect(formatAmount(1_999_999_999_999_999_999n, 18)).toEqual({
      text: '1.999999',
      exact: '1.999999999999999999',
      truncated: true,
    });
    expect(formatAmount(123_456_789n, 18).text).toBe('0.000000000123456');
    // Cut zeros stay, so one wei over 1 ETH does not read as exactly 1.
    expect(formatAmount(10n ** 18n + 1n, 18)).toMatchObject({ text: '1.000000', truncated: true });
  });

  it('shows zero as 0, and zero decimals as an integer', () => {
    expect(formatAmount(0n, 18)).toEqual({ text: '0', exact: '0', truncated: false });
    expect(formatAmount(42n, 0).text).toBe('42');
  });

  it('groups counts', () => {
    expect(formatCount(19_876_543)).toBe('19,876,543');
  });
});

describe('formatAge', () => {
  it('picks the largest whole unit', () => {
    expect(formatAge(0, 12_400)).toBe('12 s ago');
    expect(formatAge(0, 5 * 60_000 + 1)).toBe('5 min ago');
    expect(formatAge(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(0, 49 * 3_600_000)).toBe('2 d ago');
    expect(formatAge(0, 1_400)).toBe('1 s ago');
    // A clock a little behind the stamp, or the same second: not "0 s ago".
    expect(formatAge(1000, 0)).toBe('just now');
    expect(formatAge(0, 999)).toBe('just now');
  });
});

describe('shortAddress', () => {
  it('keeps the start and the end', () => {
    expect(shortAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBe('0xA0b8…eB48');
  });
});
