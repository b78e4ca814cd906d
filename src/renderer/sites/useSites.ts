import type { SiteView } from '../../shared/dapps';
import { type LiveList, useLiveList } from '../session/useLiveList';

/** The connected sites, kept current from main's `dapps.sitesChanged` (a revoke, a use, a chain switch). */
export function useSites(): LiveList<SiteView> {
  return useLiveList('dapps.sites');
}
