import type { RiskedAllowance } from '../../shared/approvals';
import type { RevokeRequest } from '../../shared/tx';

/**
 * The revoke requests for a selection that may span accounts and networks: one per account and network,
 * since each is signed by its owner with that network's nonces, in the order the rows were chosen.
 */
export function revokeGroups(allowances: readonly RiskedAllowance[]): RevokeRequest[] {
  const groups = new Map<string, RevokeRequest & { allowances: { token: string; spender: string }[] }>();
  for (const { accountId, chainId, token, spender } of allowances) {
    const key = `${accountId}:${chainId}`;
    const group = groups.get(key) ?? { accountId, chainId, allowances: [] };
    group.allowances.push({ token, spender });
    groups.set(key, group);
  }
  return [...groups.values()];
}
