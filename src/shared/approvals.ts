import { z } from 'zod';
import { ChainId } from './chains/chain';
import { AllowanceView } from './tx';

/** An allowance granted longer ago than this is "old": likely for an app the user has stopped using. */
export const OLD_APPROVAL_DAYS = 180;

/**
 * Why an allowance deserves a look, most dangerous first:
 * - `unlimited`: the spender may take every token of this kind the account holds, now and later;
 * - `no-code`: the spender has no contract code, so whoever holds its key can move the tokens at will
 *   (apps spend through contracts; an approval to a plain account is how drainers work);
 * - `old`: granted more than OLD_APPROVAL_DAYS ago, by the block time of the latest approval.
 */
export const ApprovalRisk = z.enum(['unlimited', 'no-code', 'old']);
export type ApprovalRisk = z.infer<typeof ApprovalRisk>;

/** The order of risks in a row and of rows in the table. */
export const APPROVAL_RISKS: readonly ApprovalRisk[] = ApprovalRisk.options;

export const RiskedAllowance = AllowanceView.extend({
  /** The owner's account, so a row can be revoked whichever account it belongs to. */
  accountId: z.number().int().positive(),
  /** In APPROVAL_RISKS order; empty when none applies. */
  risks: z.array(ApprovalRisk).max(APPROVAL_RISKS.length),
});
export type RiskedAllowance = z.infer<typeof RiskedAllowance>;

/** A network whose allowances could not be read, and the sentence saying why. */
export const UnreadNetwork = z.strictObject({ chainId: ChainId, message: z.string().max(500) });
export type UnreadNetwork = z.infer<typeof UnreadNetwork>;

/** Every open allowance of every account on every enabled network, riskiest first. */
export const ApprovalsOverview = z.strictObject({
  allowances: z.array(RiskedAllowance).max(10_000),
  unread: z.array(UnreadNetwork).max(1_000),
});
export type ApprovalsOverview = z.infer<typeof ApprovalsOverview>;
