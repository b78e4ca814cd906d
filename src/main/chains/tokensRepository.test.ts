import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAddress } from '../../../test/anvil/chainSetup';
import { openWalletDatabase, type WalletDatabase } from '../../../test/anvil/portfolioFixture';
import type { ChecksumAddress } from '../store/address';
import { TokensRepository } from './tokensRepository';

const TOKEN = {
  chainId: 8453,
  address: fixtureAddress('t') as ChecksumAddress,
  symbol: 'TK',
  name: 'Token',
  decimals: 6,
};

let wallet: WalletDatabase;
let tokens: TokensRepository;
beforeEach(() => {
  wallet = openWalletDatabase();
  tokens = new TokensRepository(wallet.db);
});
afterEach(() => wallet.close());

describe('TokensRepository', () => {
  it('keeps a token the user added, shown, on its chain only', () => {
    expect(tokens.addUserToken(TOKEN)).toEqual({
      ...TOKEN,
      source: 'user',
      hidden: false,
      tags: [],
      logoURI: null,
    });
    expect(tokens.forChain(8453)).toHaveLength(1);
    expect(tokens.forChain(1)).toEqual([]);
  });

  it('refuses the same token twice', () => {
    tokens.addUserToken(TOKEN);
    expect(() => tokens.addUserToken(TOKEN)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('keeps a token that arrived unasked hidden, once, until the user adds or shows it', () => {
    tokens.recordDiscovered({ ...TOKEN, symbol: 'SPAM' });
    tokens.recordDiscovered({ ...TOKEN, symbol: 'SPAM2' });
    expect(tokens.forChain(8453)).toEqual([
      expect.objectContaining({ symbol: 'SPAM', source: 'discovered', hidden: true }),
    ]);

    expect(tokens.setHidden(8453, TOKEN.address, false)).toMatchObject({
      source: 'discovered',
      hidden: false,
    });
    expect(tokens.addUserToken(TOKEN)).toMatchObject({ symbol: 'TK', source: 'user', hidden: false });
    // The user's own token is never demoted by seeing it arrive again.
    tokens.recordDiscovered(TOKEN);
    expect(tokens.forChain(8453)).toEqual([expect.objectContaining({ source: 'user' })]);
  });

  it('says when there is no such token to hide', () => {
    expect(() => tokens.setHidden(8453, TOKEN.address, true)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
