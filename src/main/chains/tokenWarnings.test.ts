import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureAddress } from '../../../test/anvil/chainSetup';
import type { ChecksumAddress } from '../store/address';
import type { Token } from './token';
import { DEFAULT_TOKEN_LISTS } from './tokenList';
import { skeleton, tokenWarnings } from './tokenWarnings';

let next = 0;
const token = (symbol: string, patch: Partial<Token> = {}): Token => ({
  chainId: 1,
  address: fixtureAddress('warning', next++) as ChecksumAddress,
  symbol,
  name: `${symbol} token`,
  decimals: 18,
  source: 'list',
  hidden: false,
  tags: [],
  logoURI: null,
  ...patch,
});
const native = (symbol = 'ETH', chainId = 1) =>
  token(symbol, { address: 'native', source: 'native', name: 'Ether', chainId });
const kinds = (tokens: Token[]) => tokenWarnings(tokens).map((w) => [w.kind, w.tokens]);

describe('skeleton', () => {
  it.each([
    ['USDС', 'Cyrillic С'],
    ['UЅDC', 'Cyrillic Ѕ'],
    ['USDC\u200b', 'a zero-width space'],
    ['ＵＳＤＣ', 'full-width letters'],
    ['usdc', 'lower case'],
    ['ÚSDC', 'an accent'],
  ])('reads %s (%s) as USDC', (text) => {
    expect(skeleton(text)).toBe(skeleton('USDC'));
  });

  it('reads Greek and Cyrillic look-alikes, and I for l, as Latin', () => {
    expect(skeleton('WΕΤΗ')).toBe(skeleton('WETH'));
    expect(skeleton('PayPaI USD')).toBe(skeleton('PayPal  USD'));
    expect(skeleton('USD₮0')).toBe(skeleton('USDT0'));
  });

  it('is stable: a skeleton is its own skeleton, and invisible characters never matter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, at) => {
        const chars = [...text];
        const position = at % (chars.length + 1);
        const hidden = [...chars.slice(0, position), '\u200d', ...chars.slice(position)].join('');
        return skeleton(skeleton(text)) === skeleton(text) && skeleton(hidden) === skeleton(text);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('tokenWarnings', () => {
  it('says nothing about unrelated tokens', () => {
    expect(tokenWarnings([native(), token('USDC'), token('DAI'), token('WBTC')])).toEqual([]);
  });

  it('names the less trusted token of a same-symbol pair as the suspect', () => {
    const real = token('USDC', { name: 'USD Coin' });
    const fake = token('USDС', { name: 'USD Coin', source: 'user' });
    const [warning, ...rest] = tokenWarnings([fake, real]);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      kind: 'same-symbol',
      severity: 'danger',
      tokens: [fake.address, real.address],
    });
    expect(warning?.message).toMatch(/symbols that look alike but use different characters/);
  });

  it('flags the same name under different symbols', () => {
    const real = token('USDC', { name: 'USD Coin' });
    const fake = token('USDCOIN', { name: 'USD  Coin', source: 'discovered' });
    expect(kinds([real, fake])).toEqual([
      ['same-name', [fake.address, real.address]],
      ['unrequested', [fake.address]],
    ]);
  });

  it('calls bridged and wrapped forms variants, not fakes', () => {
    const eth = native();
    const weth = token('WETH', { tags: ['wnative'] });
    const usdc = token('USDC');
    const usdce = token('USDC.e', { tags: ['bridged'] });
    const usdbc = token('USDbC');
    const warnings = tokenWarnings([eth, weth, usdc, usdce, usdbc]);
    expect(warnings.map((w) => [w.kind, w.severity, w.tokens])).toEqual([
      ['variant', 'info', [weth.address, 'native']],
      ['variant', 'info', [usdce.address, usdc.address]],
      ['variant', 'info', [usdbc.address, usdc.address]],
      ['variant', 'info', [usdbc.address, usdce.address]],
    ]);
    expect(warnings[1]?.message).toBe(
      'USDC.e is a bridged or wrapped form of USDC. They are different tokens with separate balances.',
    );
  });

  it('uses the wrapped-native tag where the symbol does not say it (WXDAI, WPOL on chains with other coins)', () => {
    const pol = native('POL', 137);
    const wrapped = token('WMATIC', { chainId: 137, tags: ['wnative'] });
    expect(kinds([pol, wrapped])).toEqual([['variant', [wrapped.address, 'native']]]);
  });

  it('compares tokens only with others on their own chain', () => {
    expect(tokenWarnings([token('USDC'), token('USDC', { chainId: 10 })])).toEqual([]);
  });

  it('finds only variants, never look-alikes, within the bundled lists', () => {
    for (const [chainId, list] of DEFAULT_TOKEN_LISTS) {
      const tokens = list.tokens.map((t) =>
        token(t.symbol, { ...t, chainId, tags: t.tags ?? [], logoURI: null }),
      );
      const kindsFound = new Set(tokenWarnings(tokens).map((w) => w.kind));
      expect(
        [...kindsFound].filter((k) => k !== 'variant'),
        `chain ${chainId}`,
      ).toEqual([]);
    }
  });
});
