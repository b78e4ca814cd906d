import { describe, expect, it } from 'vitest';
import { exactUnits, groupedUnits } from './deviceAmounts';

describe('exactUnits', () => {
  it.each([
    [12_500_000n, 6, '12.5'],
    [0n, 18, '0'],
    [1n, 18, '0.000000000000000001'],
    [10n ** 18n, 18, '1'],
    [123_456_789_012_345_678_901n, 18, '123.456789012345678901'],
    [42n, 0, '42'],
    [-1_500_000n, 6, '-1.5'],
  ])('%s at %s decimals is %s, every digit kept', (value, decimals, text) => {
    expect(exactUnits(value, decimals)).toBe(text);
  });
});

describe('groupedUnits', () => {
  it('groups the whole part by thousands and leaves the fraction alone', () => {
    expect(groupedUnits(1_234_567_891_234_567n, 6)).toBe('1,234,567,891.234567');
    expect(groupedUnits(999n, 0)).toBe('999');
    expect(groupedUnits(1_000n, 0)).toBe('1,000');
  });
});
