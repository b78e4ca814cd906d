import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryEntryView, HistoryPage, HistoryQuery } from '../../shared/history';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

/** Big enough that a screenful is one round trip, small enough that main answers it from its index at once. */
export const PAGE_SIZE = 100;

export interface HistoryTimeline {
  /** Null until the first page of the current filters has arrived. */
  entries: HistoryEntryView[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Asks for the page after the last one shown; does nothing while one is on its way or at the end. */
  loadMore(): void;
  /** Entries that arrived while the user was scrolled down, held back so the list does not jump under them. */
  fresh: number;
  showFresh(): void;
  /** The list says whether the user is at its top, where new entries may appear at once. */
  setAtTop(atTop: boolean): void;
  /**
   * Shows a note the user just saved on every entry of that transaction, wherever it is in the list: the
   * refetch on `history.changed` only replaces the first page, and only while the user is at the top.
   */
  showNote(chainId: number, hash: string, note: string | null): void;
}

type Filters = Omit<HistoryQuery, 'limit' | 'after'>;

/** What main answered for one set of filters; answers for filters the user has since left are ignored. */
interface Loaded {
  key: string;
  entries: HistoryEntryView[] | null;
  next: string | null;
  loadingMore: boolean;
  error: string | null;
  pending: { page: HistoryPage; count: number } | null;
}

/** How many entries of a fresh first page are newer than the newest one on screen. */
function countNewer(page: HistoryPage, shown: readonly HistoryEntryView[]): number {
  const known = new Set(shown.map((entry) => entry.id));
  const firstKnown = page.entries.findIndex((entry) => known.has(entry.id));
  return firstKnown === -1 ? page.entries.length : firstKnown;
}

const firstPageOf = (key: string, page: HistoryPage): Loaded => ({
  key,
  entries: page.entries,
  next: page.next,
  loadingMore: false,
  error: null,
  pending: null,
});

/**
 * The timeline for a set of filters, paged with main's keyset cursor as the user scrolls, and kept current
 * from `history.changed` without moving what the user is reading.
 */
export function useHistoryTimeline(filters: Filters): HistoryTimeline {
  const { client } = useWallet();
  const key = JSON.stringify(filters);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Mirrors of state that event handlers read between renders.
  const latest = useRef<Loaded | null>(null);
  const atTop = useRef(true);
  const current = loaded?.key === key ? loaded : null;

  const update = useCallback((change: (state: Loaded | null) => Loaded | null) => {
    latest.current = change(latest.current);
    setLoaded(latest.current);
  }, []);

  useEffect(() => {
    const query = JSON.parse(key) as Filters;
    const mine = (state: Loaded | null): state is Loaded => state?.key === key;
    const firstPage = () => client.call('history.page', { ...query, limit: PAGE_SIZE });
    firstPage().then(
      (page) => update(() => firstPageOf(key, page)),
      (failure: unknown) =>
        update(() => ({
          ...firstPageOf(key, { entries: [], next: null }),
          entries: null,
          error: errorMessage(failure),
        })),
    );
    const unsubscribe = client.on('history.changed', ({ chainIds }) => {
      if (query.chainIds && !chainIds.some((id) => query.chainIds?.includes(id))) return;
      firstPage().then(
        (page) =>
          update((state) => {
            if (!mine(state)) return state;
            if (atTop.current) return firstPageOf(key, page);
            const count = countNewer(page, state.entries ?? []);
            return count > 0 ? { ...state, pending: { page, count } } : state;
          }),
        // A failed refresh leaves what is shown; the next change or a filter change asks again.
        () => undefined,
      );
    });
    return unsubscribe;
  }, [client, key, update]);

  const next = current?.next ?? null;
  const loadingMore = current?.loadingMore ?? false;
  // After a failed page the list stops asking on every scroll; new filters or a change event start over.
  const failed = current?.error != null;

  const loadMore = useCallback(() => {
    if (!next || loadingMore || failed) return;
    const mine = (state: Loaded | null): state is Loaded => state?.key === key && state.next === next;
    update((state) => (mine(state) ? { ...state, loadingMore: true } : state));
    client.call('history.page', { ...(JSON.parse(key) as Filters), limit: PAGE_SIZE, after: next }).then(
      (page) =>
        update((state) => {
          if (!mine(state)) return state;
          const known = new Set(state.entries?.map((entry) => entry.id));
          const older = page.entries.filter((entry) => !known.has(entry.id));
          return {
            ...state,
            entries: [...(state.entries ?? []), ...older],
            next: page.next,
            loadingMore: false,
          };
        }),
      (failure: unknown) =>
        update((state) =>
          mine(state) ? { ...state, loadingMore: false, error: errorMessage(failure) } : state,
        ),
    );
  }, [client, key, next, loadingMore, failed, update]);

  const showFresh = useCallback(() => {
    update((state) => (state?.pending ? firstPageOf(state.key, state.pending.page) : state));
  }, [update]);

  const setAtTop = useCallback((value: boolean) => {
    atTop.current = value;
  }, []);

  const showNote = useCallback(
    (chainId: number, hash: string, note: string | null) => {
      const withNote = (entries: HistoryEntryView[]) =>
        entries.map((entry) =>
          entry.chainId === chainId && entry.hash === hash ? { ...entry, note } : entry,
        );
      update((state) =>
        state?.entries
          ? {
              ...state,
              entries: withNote(state.entries),
              pending: state.pending && {
                ...state.pending,
                page: { ...state.pending.page, entries: withNote(state.pending.page.entries) },
              },
            }
          : state,
      );
    },
    [update],
  );

  return {
    entries: current?.entries ?? null,
    hasMore: next !== null,
    loadingMore,
    error: current?.error ?? null,
    loadMore,
    fresh: current?.pending?.count ?? 0,
    showFresh,
    setAtTop,
    showNote,
  };
}
