import type { AssetMovement, BridgeView, HistoryEntryView } from '../../shared/history';
import { amountWords } from '../../shared/format/amountWords';
import { shortAddress } from '../../shared/format/shortAddress';

/** What the wording needs to know about chains, so it stays a pure function of the entry. */
export interface ChainNames {
  name(chainId: number): string;
  nativeSymbol(chainId: number): string;
}

export const PROTOCOL_NAMES: Record<BridgeView['protocol'], string> = {
  across: 'Across',
  cctp: 'CCTP',
  'op-stack': 'the OP Stack bridge',
  arbitrum: 'the Arbitrum bridge',
};

/** "0.5 ETH", "120 USDC", "Punk #7", "3 × 0xAb12…cd34 #9": what moved, as a person says it. */
export function describeAsset(asset: AssetMovement, chainId: number, chains: ChainNames): string {
  const symbol =
    asset.standard === 'native'
      ? chains.nativeSymbol(chainId)
      : (asset.symbol ?? (asset.token ? shortAddress(asset.token) : 'a token'));
  if (asset.standard === 'erc721') return `${symbol} #${asset.tokenId ?? '?'}`;
  if (asset.standard === 'erc1155') return `${asset.amount} × ${symbol} #${asset.tokenId ?? '?'}`;
  // Unknown decimals: the base units are shown rather than a guess that could be off by 10^18.
  // A cut figure ends in "…"; the drawer shows every digit.
  return amountWords(BigInt(asset.amount), asset.decimals ?? 0, symbol).text;
}

function listAssets(assets: readonly AssetMovement[], chainId: number, chains: ChainNames): string {
  const parts = assets.map((asset) => describeAsset(asset, chainId, chains));
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** "45 s", "2 min", "1 h 5 min", "2 d 3 h": how long a bridge took. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Where a bridge transfer stands: "arrived after 2 min", "waiting for Arbitrum One", "refunded". */
export function bridgeOutcome(bridge: BridgeView, chains: ChainNames): string {
  if (bridge.status === 'refunded') return 'refunded';
  if (bridge.status === 'pending') return `waiting for ${chains.name(bridge.toChainId)}`;
  const { sourceTimestamp: from, destinationTimestamp: to } = bridge;
  return from !== null && to !== null ? `arrived after ${formatDuration(to - from)}` : 'arrived';
}

/** The decoded counterparty by the user's name for it (an own account's label first), else its address. */
function counterpartyName(entry: HistoryEntryView, fallback: string | null): string {
  const address = entry.counterparty ?? fallback;
  return entry.counterpartyLabel ?? (address ? shortAddress(address) : 'a contract');
}

/** The entry in one plain sentence, the way the timeline row and the drawer's title say it. */
export function describeEntry(entry: HistoryEntryView, chains: ChainNames): string {
  const out = entry.assets.filter((asset) => asset.direction === 'out');
  const incoming = entry.assets.filter((asset) => asset.direction === 'in');
  const toName = (address: string | null) =>
    entry.toLabel ?? (address ? shortAddress(address) : 'a contract');
  if (entry.betweenAccounts) {
    // One entry stands for both sides: the sender's names the receiver, the receiver's the sender.
    const sent = entry.kind === 'send';
    const what = listAssets(sent ? out : incoming, entry.chainId, chains);
    return `Between your accounts: ${what} ${sent ? 'to' : 'from'} ${counterpartyName(entry, null)}`;
  }
  switch (entry.kind) {
    case 'send':
      return `Sent ${listAssets(out, entry.chainId, chains)} to ${counterpartyName(entry, entry.to)}`;
    case 'receive':
      return `Received ${listAssets(incoming, entry.chainId, chains)} from ${counterpartyName(entry, entry.from)}`;
    case 'self':
      return `Sent ${listAssets(entry.assets, entry.chainId, chains)} to yourself`;
    case 'approval':
    case 'revoke': {
      const approval = entry.approval;
      if (!approval)
        return entry.kind === 'approval' ? 'Approved a token allowance' : 'Revoked a token allowance';
      const spender = approval.spenderLabel ?? shortAddress(approval.spender);
      const symbol = approval.symbol ?? shortAddress(approval.token);
      if (entry.kind === 'revoke') return `Revoked ${spender}’s allowance for ${symbol}`;
      if (approval.unlimited) return `Approved ${spender} to spend ${symbol} (unlimited)`;
      const amount = amountWords(BigInt(approval.amount), approval.decimals ?? 0, symbol).text;
      return `Approved ${spender} to spend ${amount}`;
    }
    case 'swap':
      return `Swapped ${listAssets(out, entry.chainId, chains)} for ${listAssets(incoming, entry.chainId, chains)}`;
    case 'bridge': {
      const bridge = entry.bridge;
      const what = listAssets(out.length ? out : entry.assets, entry.chainId, chains);
      if (!bridge) return `Bridged ${what}`;
      const route = `${chains.name(bridge.fromChainId)} → ${chains.name(bridge.toChainId)}`;
      return `Bridged ${what} ${route} via ${PROTOCOL_NAMES[bridge.protocol]} · ${bridgeOutcome(bridge, chains)}`;
    }
    case 'contract-call':
      // execTransaction on a Safe the wallet follows: what the user did is the Safe's, not a bare selector.
      if (entry.safe) return `Executed a transaction of the Safe ${entry.safe.name}`;
      return `Called ${entry.method ?? 'a contract'} on ${toName(entry.to)}`;
    case 'contract-creation':
      return 'Deployed a contract';
  }
}
