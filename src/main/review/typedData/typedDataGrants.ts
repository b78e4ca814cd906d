import { findChain } from '../../../shared/chains/registry';
import { unknownTokenSymbol } from '../action/reviewAmount';
import { formatAmount } from '../../../shared/format/amount';
import { shortAddress } from '../../../shared/format/shortAddress';
import type { Party, TokenGrant } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';
import { reviewAmount } from '../action/reviewAmount';
import type { AssetMove } from './decoded';

/** What naming a grant needs from the wallet: see TypedDataContext. */
export interface GrantNames {
  chainId: number;
  party: (address: ChecksumAddress) => Party;
  token: (chainId: number, address: ChecksumAddress) => { symbol: string; decimals: number } | null;
}

/** A grant for the review, with the words a sentence names it by ("unlimited USDC", "1 BAYC #42"). */
export interface NamedGrant {
  grant: TokenGrant;
  text: string;
  move: AssetMove;
}

/** No uint256 reaches it: NFTs and marketplace items never mean "no limit". */
const NEVER_UNLIMITED = 2n ** 256n;

export function nameGrant(move: AssetMove, names: GrantNames): NamedGrant {
  const { symbol, decimals } = assetFacts(move, names);
  const amount = reviewAmount(move.amount, decimals, symbol, {
    unlimitedAt: move.unlimitedAt ?? NEVER_UNLIMITED,
  });
  const figure = amount.unlimited ? 'unlimited' : formatAmount(move.amount, decimals).text;
  const nft = move.asset === 'erc721' || move.asset === 'erc1155';
  const which = !nft ? '' : move.tokenId === null ? ' (any item)' : ` #${clipId(move.tokenId)}`;
  return {
    grant: {
      // The chain's coin has no contract; its name is the symbol the wallet ships for the chain.
      token:
        move.asset === 'native'
          ? { address: move.token, name: symbol, source: 'known-contract' }
          : names.party(move.token),
      amount,
      tokenId: move.tokenId === null ? null : move.tokenId.toString(),
      spender: names.party(move.spender),
      expires: move.expires,
    },
    text: `${figure} ${amount.symbol}${which}`,
    move,
  };
}

/**
 * The token's symbol and decimals when the wallet knows them. Otherwise the amount stays in base units
 * (decimals 0) and says so, "units of 0xA0b8…eB48", rather than guess decimals that could misstate it by
 * powers of ten. NFTs count items, so their decimals are 0 either way.
 */
function assetFacts(move: AssetMove, names: GrantNames): { symbol: string; decimals: number } {
  if (move.asset === 'native') {
    // The chain's own coin: the wallet ships its symbol; a network it does not know is named as such.
    const coin = findChain(names.chainId)?.nativeCurrency;
    return coin
      ? { symbol: coin.symbol, decimals: coin.decimals }
      : { symbol: 'native coin (wei)', decimals: 0 };
  }
  const known = names.token(names.chainId, move.token);
  if (move.asset === 'erc20') {
    return known ?? { symbol: unknownTokenSymbol(move.token), decimals: 0 };
  }
  return { symbol: known?.symbol ?? `NFT ${shortAddress(move.token)}`, decimals: 0 };
}

/** Token ids can be 78 digits; a sentence shows the start and end, the grant keeps the whole id. */
function clipId(id: bigint): string {
  const text = id.toString();
  return text.length > 16 ? `${text.slice(0, 6)}…${text.slice(-6)}` : text;
}
