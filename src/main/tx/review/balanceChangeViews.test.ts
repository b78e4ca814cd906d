import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { balanceChangeViews } from './balanceChangeViews';

const ME = toChecksumAddress('0x9858effd232b4033e47d90003d41ec34ecaeda94');
const TKN = toChecksumAddress('0x6a4f1376d3155a9594248d489ff80e0b2804a7c2');
const NFT = toChecksumAddress('0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d');
const names = {
  native: { symbol: 'ETH', decimals: 18 },
  token: (address: string) => (address === TKN ? { symbol: 'TKN', decimals: 18 } : null),
  party: (address: string) => ({
    address,
    name: address === ME ? 'Ledger main' : null,
    source: 'none' as const,
  }),
};

describe('balanceChangeViews', () => {
  it('names the account and the asset of each change, with the signed amount as decimal text', () => {
    const views = balanceChangeViews(
      [
        { account: ME, kind: 'native', token: null, tokenId: null, delta: -(10n ** 16n) },
        { account: ME, kind: 'erc20', token: TKN, tokenId: null, delta: -(100n * 10n ** 18n) },
        { account: ME, kind: 'erc721', token: NFT, tokenId: 42n, delta: 1n },
      ],
      names,
    );
    expect(views).toEqual([
      {
        account: { address: ME, name: 'Ledger main', source: 'none' },
        asset: { kind: 'native', token: null, symbol: 'ETH', decimals: 18, tokenId: null },
        delta: '-10000000000000000',
      },
      {
        account: { address: ME, name: 'Ledger main', source: 'none' },
        asset: { kind: 'erc20', token: TKN, symbol: 'TKN', decimals: 18, tokenId: null },
        delta: '-100000000000000000000',
      },
      {
        account: { address: ME, name: 'Ledger main', source: 'none' },
        asset: { kind: 'erc721', token: NFT, symbol: 'NFT', decimals: 0, tokenId: '42' },
        delta: '1',
      },
    ]);
  });

  it('shows a token that would not name itself in base units, under words that say so', () => {
    const [view] = balanceChangeViews(
      [{ account: ME, kind: 'erc20', token: NFT, tokenId: null, delta: 5n }],
      names,
    );
    expect(view?.asset).toMatchObject({ symbol: 'units of 0xBC4C…f13D', decimals: 0 });
  });
});
