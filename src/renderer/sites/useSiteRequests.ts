import type { DappRequestView } from '../../shared/dapps';
import { type LiveList, useLiveList } from '../session/useLiveList';

/** Requests sites are waiting on, oldest first, kept current from main's `dapps.requestsChanged`. */
export function useSiteRequests(): LiveList<DappRequestView> {
  return useLiveList('dapps.requests');
}
