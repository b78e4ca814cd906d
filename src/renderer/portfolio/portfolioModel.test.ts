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

  it('values each row, network and account by its priced holdings only, exactly, and keeps what it left out', () => {
    const { rows, chains, accounts, value } = model();
    const row = (chainId: number, address: string) => rows.find((r) => r.key === tokenKey(chainId, address));
    // 43209.75 + 864.195: both accounts' ether on Ethereum, summed without a float.
    expect(row(1, 'native')?.value.sum).toBe('44073.945');
    expect(row(1, 'native')?.byAccount.map((entry) => entry.value.sum)).toEqual(['43209.75', '864.195']);
    // Bob's zero USDC is worth nothing whatever its price: neither counted nor left out.
    expect(row(1, USDC)?.value).toMatchObject({ sum: '1500.099975', unpriced: [], unread: 0 });
    expect(row(1, USDC)?.value.priced).toHaveLength(1);
    // No price is never a value of 0: the look-alike is left out, and says so.
    expect(row(1, FAKE_USDC)?.value).toMatchObject({ sum: '0', priced: [], unread: 0 });
    expect(row(1, FAKE_USDC)?.value.unpriced.map((v) => v.state)).toEqual(['no-price']);
    // Arbitrum's ether: Alice's feed is stale, Bob's balance unread.
    expect(row(42161, 'native')?.value.unpriced.map((v) => v.state)).toEqual(['stale']);
    expect(row(42161, 'native')?.value.unread).toBe(1);

    const [ethereum, arbitrum, base] = chains;
    expect(ethereum?.value.sum).toBe('45574.044975');
    expect(ethereum?.value.unpriced).toHaveLength(1);
    expect(arbitrum?.value).toMatchObject({ sum: '249.95', unread: 1 });
    // The hidden spam on Base counts in no total, priced or not.
    expect(base?.value).toMatchObject({ sum: '6912.2', unpriced: [], unread: 0 });
    expect(accounts.map((account) => account.value.sum)).toEqual(['51871.999975', '864.195']);
    expect(value.sum).toBe('52736.194975');
    expect(value.unpriced.length + value.unread).toBe(3);
  });

  it('knows which visible tokens someone holds, for notes that only matter then', () => {
    const { heldTokens } = model();
    expect(heldTokens.has(tokenKey(1, USDC))).toBe(true);
    expect(heldTokens.has(tokenKey(1, FAKE_USDC))).toBe(true);
    // Hidden spam is not visible, so notes about it are not shown either.
    expect(heldTokens.has(tokenKey(8453, SPAM))).toBe(false);
  });
});
