import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAddress } from '../../../test/anvil/chainSetup';
import { openWalletDatabase, type WalletDatabase } from '../../../test/anvil/portfolioFixture';
import type { Chain } from '../../shared/chains/chain';
import { findChain } from '../../shared/chains/registry';
import type { ChecksumAddress } from '../store/address';
import { TokenCatalog } from './tokenCatalog';
import { TokensRepository } from './tokensRepository';

const ARBITRUM = findChain(42161) as Chain;
const USDC_E = '0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8' as ChecksumAddress;

let wallet: WalletDatabase;
let stored: TokensRepository;
let catalog: TokenCatalog;
beforeEach(() => {
  wallet = openWalletDatabase();
  stored = new TokensRepository(wallet.db);
  catalog = new TokenCatalog(stored);
});
afterEach(() => wallet.close());

describe('TokenCatalog', () => {
  it('lists the native coin, then the bundled list, then the stored tokens', () => {
    const mine = fixtureAddress('mine') as ChecksumAddress;
    stored.addUserToken({ chainId: 42161, address: mine, symbol: 'MINE', name: 'Mine', decimals: 18 });
    const tokens = catalog.forChain(ARBITRUM);
    expect(tokens[0]).toEqual({
      chainId: 42161,
      address: 'native',
      symbol: 'ETH',
      name: 'Ether',
      decimals: 18,
      source: 'native',
      hidden: false,
      tags: [],
      logoURI: null,
    });
    expect(tokens.find((t) => t.address === USDC_E)).toMatchObject({
      symbol: 'USDC.e',
      source: 'list',
      tags: ['stablecoin', 'bridged'],
    });
    expect(tokens.at(-1)).toMatchObject({ address: mine, source: 'user' });
  });

  it('lets the list win over a stored copy of the same token', () => {
    stored.addUserToken({ chainId: 42161, address: USDC_E, symbol: 'FAKE', name: 'Fake', decimals: 2 });
    expect(catalog.forChain(ARBITRUM).filter((t) => t.address === USDC_E)).toEqual([
      expect.objectContaining({ symbol: 'USDC.e', source: 'list' }),
    ]);
    expect(catalog.find(ARBITRUM, USDC_E)?.decimals).toBe(6);
  });

  it('has only the native coin for a chain without a bundled list', () => {
    const custom = { ...ARBITRUM, id: 999_999, name: 'Custom' };
    expect(catalog.forChain(custom).map((t) => t.address)).toEqual(['native']);
  });
});
