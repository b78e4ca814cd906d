import type { ApprovalsOverview, RiskedAllowance, UnreadNetwork } from '../../../shared/approvals';
import type { AllowanceView } from '../../../shared/tx';
import { approvalRisks, byRisk } from './approvalRisk';

/** UnreadNetwork's bound on a reason. */
const MAX_MESSAGE = 500;

export interface ApprovalsOverviewDeps {
  /** Every account of the wallet, watch-only ones too: their allowances are as open as any. */
  accounts(): readonly { id: number }[];
  /** The enabled networks, once the chains service matches the settings. */
  chainIds(): Promise<readonly number[]>;
  /** One account's open allowances on one network (TxService.approvals). */
  allowances(accountId: number, chainId: number): Promise<AllowanceView[]>;
  /** Which of these spenders have contract code on the network. */
  withCode(chainId: number, spenders: readonly string[]): Promise<Set<string>>;
  nowSeconds(): number;
}

/**
 * Every account's allowances on every enabled network in one list, riskiest first, so an unlimited grant
 * of one account is not hidden behind another account's empty page. Networks are read side by side, the
 * accounts of one network one after another (one node, no burst). A network that cannot be read is named
 * with the reason, and the others still show.
 */
export async function approvalsOverview(deps: ApprovalsOverviewDeps): Promise<ApprovalsOverview> {
  const accounts = deps.accounts();
  const chainIds = await deps.chainIds();
  const nowSeconds = deps.nowSeconds();
  const unread: UnreadNetwork[] = [];
  const perChain = await Promise.all(
    chainIds.map(async (chainId): Promise<RiskedAllowance[]> => {
      try {
        const rows: (AllowanceView & { accountId: number })[] = [];
        for (const account of accounts) {
          const found = await deps.allowances(account.id, chainId);
          rows.push(...found.map((allowance) => ({ ...allowance, accountId: account.id })));
        }
        const withCode = await deps.withCode(
          chainId,
          rows.map((row) => row.spender),
        );
        return rows.map((row) => ({
          ...row,
          risks: approvalRisks(row, {
            spenderHasCode: withCode.has(row.spender),
            nowSeconds,
          }),
        }));
      } catch (error) {
        // The message is already a sentence for the user (chainCall); a node's long text is cut to fit.
        unread.push({ chainId, message: (error as Error).message.slice(0, MAX_MESSAGE) });
        return [];
      }
    }),
  );
  return {
    allowances: perChain.flat().sort(byRisk),
    unread: unread.sort((a, b) => a.chainId - b.chainId),
  };
}
