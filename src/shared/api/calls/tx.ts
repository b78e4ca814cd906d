import { z } from 'zod';
import { ChainId } from '../../chains/chain';
import { AllowanceView, OutgoingView, RevokeRequest, SendDraft, SendReview, TransactionRef } from '../../tx';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Transactions this wallet sends, follows, speeds up or cancels, and the token approvals it can revoke. */
export const txCalls = {
  'tx.review': { request: SendDraft, response: SendReview },
  'tx.send': { request: SendDraft, response: OutgoingView },
  'tx.list': { request: NoRequest, response: z.array(OutgoingView) },
  'tx.speedUp': { request: TransactionRef, response: OutgoingView },
  'tx.cancel': { request: TransactionRef, response: OutgoingView },
  'approvals.list': {
    request: z.strictObject({ accountId: z.number().int().positive(), chainId: ChainId }),
    response: z.array(AllowanceView),
  },
  'approvals.revoke': { request: RevokeRequest, response: z.array(OutgoingView) },
} as const satisfies CallFamily;

export const txEvents = {
  /** Every transaction this wallet sent, whenever one of them moves (signed, pending, included…). */
  'tx.changed': z.array(OutgoingView),
} as const satisfies EventFamily;
