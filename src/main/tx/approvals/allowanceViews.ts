import type { AllowanceView } from '../../../shared/tx';
import type { TokenLookup } from '../../history/activity';
import type { DiscoveredApproval } from './discoverApprovals';
import type { Allowance } from './readAllowances';

/**
 * The Approvals page's rows: each approval found, with what is left of it now (`current`, in the same
 * order). Allowances spent or revoked down to zero are not shown.
 */
export function allowanceViews(
  chainId: number,
  found: readonly DiscoveredApproval[],
  current: readonly (Allowance | undefined)[],
  context: { tokens: TokenLookup; label: (address: string) => string | null },
): AllowanceView[] {
  return found.flatMap((approval, index) => {
    const allowance = current[index];
    if (!allowance || allowance.amount === 0n) return [];
    const token = context.tokens(chainId, approval.token);
    return [
      {
        chainId,
        owner: approval.owner,
        token: approval.token,
        symbol: token?.symbol ?? null,
        decimals: token?.decimals ?? null,
        spender: approval.spender,
        spenderLabel: context.label(approval.spender),
        amount: allowance.amount?.toString() ?? null,
        unlimited: allowance.unlimited,
        approvedAt: approval.timestamp,
        blockNumber: approval.blockNumber,
      },
    ];
  });
}
