import type { BalanceChange, Party } from '../../../shared/review';
import { unknownTokenSymbol } from '../../review/action/reviewAmount';
import type { NetChange } from '../../review/simulation/balanceChanges';
import type { ChecksumAddress } from '../../store/address';

export interface AssetNames {
  native: { symbol: string; decimals: number };
  /** Symbol and decimals of a token, known to the wallet or read from the chain; null when it did not say. */
  token: (address: ChecksumAddress) => { symbol: string; decimals: number } | null;
  party: (address: ChecksumAddress) => Party;
}

/**
 * Net changes as the review lists them. A token that would not say what it is shows in base units under a
 * symbol that says so, never under a guessed one.
 */
export function balanceChangeViews(changes: readonly NetChange[], names: AssetNames): BalanceChange[] {
  return changes.map((change) => {
    const facts = change.kind === 'native' ? names.native : change.token ? names.token(change.token) : null;
    const nft = change.kind === 'erc721' || change.kind === 'erc1155';
    return {
      account: names.party(change.account),
      asset: {
        kind: change.kind,
        token: change.token,
        symbol: facts?.symbol ?? (nft || !change.token ? 'NFT' : unknownTokenSymbol(change.token)),
        decimals: nft ? 0 : (facts?.decimals ?? 0),
        tokenId: change.tokenId === null ? null : change.tokenId.toString(),
      },
      delta: change.delta.toString(),
    };
  });
}
