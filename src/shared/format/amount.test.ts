import { describe, expect, it } from 'vitest';
import { decimalText, formatAmount, formatCount } from './amount';

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

describe('decimalText', () => {
  it('is every digit, without separators or trailing zeros', () => {
    expect(decimalText(1_234_500_000_000_000_000_000n, 18)).toBe('1234.5');
    expect(decimalText(1n, 18)).toBe('0.000000000000000001');
    expect(decimalText(-1_500_000n, 6)).toBe('-1.5');
    expect(decimalText(0n, 18)).toBe('0');
    expect(decimalText(42n, 0)).toBe('42');
  });
});
