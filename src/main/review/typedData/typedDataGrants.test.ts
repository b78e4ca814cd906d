import { describe, expect, it } from 'vitest';
import {
  BAYC,
  context,
  ROUTER,
  UNLISTED_TOKEN,
  USDC,
} from '../../../../test/review/typedData/typedDataFixtures';
import { tokenAllowance, ZERO_ADDRESS, type AssetMove } from './decoded';
import { nameGrant } from './typedDataGrants';

const names = (chainId = 1) => ({ chainId, party: context().party, token: context().token });
const nft = (tokenId: bigint | null, asset: AssetMove['asset'] = 'erc721'): AssetMove => ({
  asset,
  token: BAYC,
  amount: 1n,
  unlimitedAt: null,
  tokenId,
  spender: ROUTER,
  expires: null,
  recipient: null,
});

describe('nameGrant', () => {
  it('names a known token with its decimals', () => {
    const named = nameGrant(tokenAllowance(USDC, 1_500_000n, ROUTER, 9), names());
    expect(named.text).toBe('1.5 USDC');
    expect(named.grant).toMatchObject({
      amount: { value: '1500000', decimals: 6, symbol: 'USDC' },
      expires: 9,
      tokenId: null,
    });
  });

  it('leaves an unknown token in base units and says so', () => {
    expect(nameGrant(tokenAllowance(UNLISTED_TOKEN, 1234n, ROUTER, null), names()).text).toBe(
      '1,234 units of 0x1111…1111',
    );
    // Token facts are per chain: USDC on a chain the wallet has no list for is unknown there.
    expect(nameGrant(tokenAllowance(USDC, 5n, ROUTER, null), names(10)).grant.amount.symbol).toBe(
      'units of 0xA0b8…eB48',
    );
  });

  it('names NFTs by id, a long id shortened in words and whole in the grant', () => {
    expect(nameGrant(nft(42n), names()).text).toBe('1 BAYC #42');
    expect(nameGrant(nft(null), names()).text).toBe('1 BAYC (any item)');
    const long = 2n ** 200n;
    const named = nameGrant(nft(long), names());
    const digits = long.toString();
    expect(named.text).toBe(`1 BAYC #${digits.slice(0, 6)}…${digits.slice(-6)}`);
    expect(named.grant.tokenId).toBe(long.toString());
  });

  it('names the chain’s coin by its symbol, and an unknown chain’s coin honestly', () => {
    const coin = { ...nft(null, 'native'), token: ZERO_ADDRESS, amount: 10n ** 18n };
    expect(nameGrant(coin, names(1)).text).toBe('1 ETH');
    expect(nameGrant(coin, names(999_999)).text).toBe('1,000,000,000,000,000,000 native coin (wei)');
  });
});
