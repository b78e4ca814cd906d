import { z } from 'zod';
import { ApprovalsOverview } from '../../approvals';
import { TxReview } from '../../review';
import { OutgoingView, ReplacementRequest, RevokeRequest, SendDraft, TransactionRef } from '../../tx';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Transactions this wallet sends, follows, speeds up or cancels, and the token approvals it can revoke. */
export const txCalls = {
  /** The one review before signing: decoded, simulated on the user's RPC, with findings and the device's lines. */
  'tx.review': { request: SendDraft, response: TxReview },
  /** Reviews again and signs only when nothing blocks; a revert blocks unless `allowRevert`. */
  'tx.send': { request: SendDraft, response: OutgoingView },
  'tx.list': { request: NoRequest, response: z.array(OutgoingView) },
  /** What a speed-up or cancel would sign, with the old and new max fee, before it is signed. */
  'tx.reviewReplacement': { request: ReplacementRequest, response: TxReview },
  'tx.speedUp': { request: TransactionRef, response: OutgoingView },
  'tx.cancel': { request: TransactionRef, response: OutgoingView },
  /** Every account's allowances on every enabled network, riskiest first, each with why it is risky. */
  'approvals.overview': { request: NoRequest, response: ApprovalsOverview },
  /** One review per allowance, as `approvals.revoke` would sign them. */
  'approvals.reviewRevoke': { request: RevokeRequest, response: z.array(TxReview) },
  'approvals.revoke': { request: RevokeRequest, response: z.array(OutgoingView) },
} as const satisfies CallFamily;

export const txEvents = {
  /** Every transaction this wallet sent, whenever one of them moves (signed, pending, included…). */
  'tx.changed': z.array(OutgoingView),
} as const satisfies EventFamily;
