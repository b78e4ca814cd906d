import type { txCalls } from '../../shared/api/calls/tx';
import type { ApprovalsOverview } from '../../shared/approvals';
import type { FamilyHandlers } from '../api/router';
import type { TxService } from './txService';

export function txHandlers(
  tx: TxService,
  overview: () => Promise<ApprovalsOverview>,
): FamilyHandlers<typeof txCalls> {
  return {
    'tx.review': (draft) => tx.review(draft),
    'tx.send': (draft) => tx.send(draft),
    'tx.list': () => tx.list(),
    'tx.reviewReplacement': (request) => tx.reviewReplacement(request),
    'tx.speedUp': ({ id }) => tx.speedUp(id),
    'tx.cancel': ({ id }) => tx.cancel(id),
    'approvals.overview': () => overview(),
    'approvals.reviewRevoke': (request) => tx.reviewRevoke(request),
    'approvals.revoke': (request) => tx.revoke(request),
  };
}
