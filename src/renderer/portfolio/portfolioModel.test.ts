import { describe, expect, it } from 'vitest';
import {
  ALICE,
  ARB_USDC_E,
  BOB,
  FAKE_USDC,
  FIXTURE_ACCOUNTS,
  SPAM,
  USDC,
  fixturePortfolio,
} from '../../../test/renderer/portfolioFixture';
import { buildPortfolioModel, tokenKey } from './portfolioModel';

const ETH = 10n ** 18n;
const model = () => buildPortfolioModel(fixturePortfolio(), FIXTURE_ACCOUNTS);

describe('buildPortfolioModel', () => {
  it('totals the native coin and counts held tokens per chain', () => {
    const [ethereum, arbitrum, base] = model().chains;
    expect(ethereum?.native).toEqual({
      symbol: 'ETH',
      decimals: 18,
      total: { sum: 12n * ETH + (3n * ETH) / 4n, read: 2, unread: 0 },
    });
    // USDC and the look-alike are held; DAI is listed but nobody holds it.
    expect(ethereum?.tokensHeld).toBe(2);
    expect(ethereum?.positions).toBe(4);
    // Bob's Arbitrum balance could not be read: it counts as unread, never as zero.
    expect(arbitrum?.native?.total).toEqual({ sum: ETH, read: 1, unread: 1 });
    // The hidden spam token counts nowhere.
    expect(base?.tokensHeld).toBe(0);
    expect(base?.positions).toBe(1);
  });

  it('sums each native coin across chains per account, and counts token positions', () => {
    const [alice, bob] = model().accounts;
    expect(alice?.account).toEqual({ address: ALICE, label: 'Treasury' });
    expect(alice?.native).toEqual([
      { symbol: 'ETH', decimals: 18, total: { sum: 15n * ETH + ETH / 2n, read: 3, unread: 0 } },
    ]);
    expect(alice?.tokensHeld).toBe(2);
    expect(bob?.native[0]?.total).toEqual({ sum: ETH / 4n, read: 1, unread: 1 });
    expect(bob?.tokensHeld).toBe(1);
  });

  it('gives each token its total across accounts, with the per-account breakdown', () => {
    const usdc = model().rows.find((row) => row.key === tokenKey(1, USDC));
    expect(usdc?.total).toEqual({ sum: 1_500_250_000n, read: 2, unread: 0 });
    expect(usdc?.byAccount.map((entry) => [entry.account.address, entry.total.sum])).toEqual([
      [ALICE, 1_500_250_000n],
      [BOB, 0n],
    ]);
  });

  it('marks the suspect of a danger warning, not the token it imitates', () => {
    const rows = model().rows;
    expect(rows.find((row) => row.key === tokenKey(1, FAKE_USDC))?.suspicions).toHaveLength(1);
    expect(rows.find((row) => row.key === tokenKey(1, USDC))?.suspicions).toEqual([]);
    // An info note (a bridged variant) is not a suspicion.
    expect(rows.find((row) => row.key === tokenKey(42161, ARB_USDC_E))?.suspicions).toEqual([]);
  });

  it('keeps hidden tokens apart and leaves unheld list tokens out of the table', () => {
    const { rows, hiddenRows, unheldListTokens } = model();
    expect(hiddenRows.map((row) => row.key)).toEqual([tokenKey(8453, SPAM)]);
    expect(rows.map((row) => row.token.symbol)).toEqual(['ETH', 'USDC', 'USDС', 'ETH', 'USDC.e', 'ETH']);
    expect(unheldListTokens).toBe(2);
  });

  it('knows which visible tokens someone holds, for notes that only matter then', () => {
    const { heldTokens } = model();
    expect(heldTokens.has(tokenKey(1, USDC))).toBe(true);
    expect(heldTokens.has(tokenKey(1, FAKE_USDC))).toBe(true);
    // Hidden spam is not visible, so notes about it are not shown either.
    expect(heldTokens.has(tokenKey(8453, SPAM))).toBe(false);
  });
});
