import { describe, expect, it } from 'vitest';
import { formatBalanceDelta } from './format';

const delta = (value: string, decimals = 18, symbol = 'TKN', tokenId: string | null = null) =>
  formatBalanceDelta({ delta: value, decimals, symbol, tokenId });

describe('formatBalanceDelta', () => {
  it('writes a loss with a real minus sign and a gain with a plus', () => {
    expect(delta(`-${100n * 10n ** 18n}`)).toEqual({ text: '\u2212100 TKN', exact: '\u2212100 TKN' });
    expect(delta('500000000000000000', 18, 'ETH').text).toBe('+0.5 ETH');
  });

  it('shows about six significant digits, marks a cut figure as the desktop does, keeps every digit in `exact`', () => {
    expect(delta('-1234567891234567891')).toEqual({
      text: '\u22121.234567\u2026 TKN',
      exact: '\u22121.234567891234567891 TKN',
    });
    expect(delta('12345678912', 18).text).toBe('+0.0000000123456\u2026 TKN');
    expect(delta('1234567000000', 6, 'USDC').text).toBe('+1,234,567 USDC');
  });

  it('names the token id of an NFT', () => {
    expect(delta('-1', 0, 'PUNK', '7804').text).toBe('\u22121 PUNK #7804');
  });
});
