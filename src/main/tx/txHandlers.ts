import type { txCalls } from '../../shared/api/calls/tx';
import type { FamilyHandlers } from '../api/router';
import type { TxService } from './txService';

export function txHandlers(tx: TxService): FamilyHandlers<typeof txCalls> {
  return {
    'tx.review': (draft) => tx.review(draft),
    'tx.send': (draft) => tx.send(draft),
    'tx.list': () => tx.list(),
    'tx.reviewReplacement': (request) => tx.reviewReplacement(request),
    'tx.speedUp': ({ id }) => tx.speedUp(id),
    'tx.cancel': ({ id }) => tx.cancel(id),
    'approvals.list': ({ accountId, chainId }) => tx.approvals(accountId, chainId),
    'approvals.reviewRevoke': (request) => tx.reviewRevoke(request),
    'approvals.revoke': (request) => tx.revoke(request),
  };
}
