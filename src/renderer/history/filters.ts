import type { ActivityKind, HistoryQuery } from '../../shared/history';

/** What the user narrowed the timeline to; empty means everything. */
export interface HistoryFilters {
  chainIds: number[];
  account: string | null;
  kind: ActivityKind | null;
  /** A token contract, or `native`. */
  token: string | null;
  search: string;
}

export const NO_FILTERS: HistoryFilters = {
  chainIds: [],
  account: null,
  kind: null,
  token: null,
  search: '',
};

export function isFiltered(filters: HistoryFilters): boolean {
  return (
    filters.chainIds.length > 0 ||
    filters.account !== null ||
    filters.kind !== null ||
    filters.token !== null ||
    filters.search.trim() !== ''
  );
}

/** The filters as main's query: only what is set, so an unfiltered query asks for everything. */
export function filtersToQuery(filters: HistoryFilters): Omit<HistoryQuery, 'limit' | 'after'> {
  const search = filters.search.trim();
  return {
    ...(filters.chainIds.length > 0 && { chainIds: [...filters.chainIds].sort((a, b) => a - b) }),
    ...(filters.account && { accounts: [filters.account] }),
    ...(filters.kind && { kinds: [filters.kind] }),
    ...(filters.token && { token: filters.token }),
    ...(search && { search }),
  };
}

export const KIND_LABELS: Record<ActivityKind, string> = {
  send: 'Sends',
  receive: 'Receives',
  self: 'Between own accounts',
  approval: 'Approvals',
  revoke: 'Revokes',
  swap: 'Swaps',
  bridge: 'Bridges',
  'contract-call': 'Contract calls',
  'contract-creation': 'Contract deployments',
};
