import type { ChecksumAddress } from '../../store/address';
import type { AssetTransfer } from './assetTransfers';

export interface NetChange {
  account: ChecksumAddress;
  kind: AssetTransfer['kind'];
  token: ChecksumAddress | null;
  tokenId: bigint | null;
  /** Negative when the account loses it. */
  delta: bigint;
}

const KIND_ORDER: Record<AssetTransfer['kind'], number> = { native: 0, erc20: 1, erc721: 2, erc1155: 3 };

/**
 * Net per (account, asset); zero nets dropped; deterministic order: accounts in `first` first, then by address.
 * Within an account the native coin comes first, then tokens by kind, address and token id, so the same
 * simulation always reads the same way.
 */
export function netBalanceChanges(
  transfers: readonly AssetTransfer[],
  first: readonly ChecksumAddress[],
): NetChange[] {
  const totals = new Map<string, NetChange>();
  const add = (account: ChecksumAddress, transfer: AssetTransfer, delta: bigint) => {
    const key = `${account}|${transfer.kind}|${transfer.token ?? ''}|${transfer.tokenId ?? ''}`;
    const change = totals.get(key);
    if (change) change.delta += delta;
    else {
      const { kind, token, tokenId } = transfer;
      totals.set(key, { account, kind, token, tokenId, delta });
    }
  };
  for (const transfer of transfers) {
    add(transfer.from, transfer, -transfer.amount);
    add(transfer.to, transfer, transfer.amount);
  }
  const rank = (account: ChecksumAddress) => {
    const index = first.indexOf(account);
    return index === -1 ? first.length : index;
  };
  return [...totals.values()]
    .filter((change) => change.delta !== 0n)
    .sort(
      (a, b) =>
        rank(a.account) - rank(b.account) ||
        compareText(a.account.toLowerCase(), b.account.toLowerCase()) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compareText((a.token ?? '').toLowerCase(), (b.token ?? '').toLowerCase()) ||
        compareBig(a.tokenId ?? -1n, b.tokenId ?? -1n),
    );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
