import type { Chain } from '../../shared/chains/chain';
import type { ChecksumAddress } from '../store/address';
import type { Token } from './token';
import { DEFAULT_TOKEN_LISTS, type TokenList } from './tokenList';
import type { TokensRepository } from './tokensRepository';

/** Every token the wallet knows on a chain: its native coin, the bundled list, then the stored tokens. */
export class TokenCatalog {
  constructor(
    private readonly stored: TokensRepository,
    private readonly lists: ReadonlyMap<number, TokenList> = DEFAULT_TOKEN_LISTS,
  ) {}

  forChain(chain: Chain): Token[] {
    const native: Token = {
      chainId: chain.id,
      address: 'native',
      ...chain.nativeCurrency,
      source: 'native',
      hidden: false,
      tags: [],
      logoURI: null,
    };
    const listed: Token[] = (this.lists.get(chain.id)?.tokens ?? []).map((info) => ({
      chainId: chain.id,
      address: info.address,
      symbol: info.symbol,
      name: info.name,
      decimals: info.decimals,
      source: 'list',
      hidden: false,
      tags: info.tags ?? [],
      logoURI: info.logoURI ?? null,
    }));
    // The list wins over a stored copy: a list update may add a token the user had added by hand.
    const inList = new Set(listed.map((token) => token.address));
    const stored = this.stored.forChain(chain.id).filter((token) => !inList.has(token.address));
    return [native, ...listed, ...stored];
  }

  find(chain: Chain, address: ChecksumAddress): Token | undefined {
    return this.forChain(chain).find((token) => token.address === address);
  }
}
