import { History, LoaderCircle, SearchX } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistoryEntryView } from '../../shared/history';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { accountName, useAccounts } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { shortAddress } from '../../shared/format/shortAddress';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { useCallResult } from '../session/useCallResult';
import { useWallet } from '../session/WalletContext';
import { describeEntry } from './describeEntry';
import { EntryDrawer } from './EntryDrawer';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { filtersToQuery, isFiltered, NO_FILTERS, type HistoryFilters } from './filters';
import { FreshEntries } from './FreshEntries';
import { SyncStrip } from './SyncStrip';
import { Timeline } from './Timeline';
import { useChainNames } from './useChainNames';
import { useHistorySync } from './useHistorySync';
import { useHistoryTimeline } from './useHistoryTimeline';
import './HistoryPage.css';

const LEDE = 'Everything your accounts did, across every network, in one timeline.';
/** Long enough to finish typing a word or pasting a hash before main is asked. */
export const SEARCH_DEBOUNCE_MS = 300;

function NoAccounts() {
  return (
    <NoAccountsPage
      title="History"
      lede={LEDE}
      icon={History}
      guidance="History fills in once an account is added and synced. Watch an address, or add one from a Ledger or Trezor in Devices."
    />
  );
}

/** The cross-chain timeline with its filters, sync state per chain, export and the details of one entry. */
export function HistoryPage() {
  const { settings } = useWallet();
  const accounts = useAccounts();
  const chains = useChainNames();
  const sync = useHistorySync();
  const portfolio = useCallResult('portfolio.get');
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [opened, setOpened] = useState<HistoryEntryView | null>(null);
  const [shownFresh, setShownFresh] = useState(0);
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const timeline = useHistoryTimeline(query);

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((current) => ({ ...current, search: searchText })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [searchText]);

  const nameOf = useCallback(
    (address: string) => {
      const account = accounts.list?.find((a) => a.address.toLowerCase() === address.toLowerCase());
      return account ? accountName(account) : shortAddress(address);
    },
    [accounts.list],
  );

  if (accounts.list?.length === 0) return <NoAccounts />;

  // The networks worth filtering by: those being synced, and any the user enabled.
  const chainIds = [
    ...new Set([...(sync.chains ?? []).map((chain) => chain.chainId), ...settings.enabledChainIds]),
  ];
  // Until main says otherwise, an empty history is taken to be one still being fetched.
  const syncing =
    sync.chains === null || sync.chains.some((chain) => chain.state === 'syncing' || chain.state === 'idle');
  const entries = timeline.entries;

  return (
    <Page title="History" lede={LEDE} wide actions={<ExportButton filters={query} />}>
      <SyncStrip sync={sync} chains={chains} />
      <FilterBar
        filters={filters}
        searchText={searchText}
        onSearchText={setSearchText}
        onChange={setFilters}
        chainIds={chainIds}
        chains={chains}
        accounts={accounts.list ?? []}
        tokens={portfolio.data?.tokens ?? []}
      />
      {timeline.error && <ErrorNote outcome="Could not load the history" message={timeline.error} />}
      {timeline.fresh > 0 && (
        <FreshEntries
          count={timeline.fresh}
          onShow={() => {
            timeline.showFresh();
            setShownFresh((n) => n + 1);
          }}
        />
      )}
      {entries === null && !timeline.error && (
        <p className="history__loading" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Loading history…
        </p>
      )}
      {entries?.length === 0 &&
        (isFiltered(filters) ? (
          <EmptyState
            icon={SearchX}
            headline="Nothing matches these filters"
            guidance="Try another network, account, kind or token, or search for a different hash, address, label or note."
            actions={
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSearchText('');
                  setFilters(NO_FILTERS);
                }}
              >
                Clear filters
              </button>
            }
          />
        ) : (
          <EmptyState
            icon={History}
            headline={syncing ? 'Syncing your history' : 'No activity yet'}
            guidance={
              syncing
                ? 'Transactions appear here as each network is indexed; the Sync strip above shows how far it has got.'
                : 'None of your accounts has any transactions on the networks synced so far.'
            }
            actions={null}
          />
        ))}
      {entries && entries.length > 0 && (
        <section className="history__timeline card" aria-label="Activity">
          <Timeline
            key={`${JSON.stringify(query)}#${shownFresh}`}
            entries={entries}
            chains={chains}
            accountName={nameOf}
            hasMore={timeline.hasMore}
            loadingMore={timeline.loadingMore}
            loadMore={timeline.loadMore}
            onOpen={setOpened}
            onAtTop={timeline.setAtTop}
          />
        </section>
      )}
      {opened && (
        <EntryDrawer
          entry={opened}
          sentence={describeEntry(opened, chains)}
          chains={chains}
          accountName={nameOf(opened.account)}
          onNoteSaved={(note) => {
            setOpened({ ...opened, note });
            timeline.showNote(opened.chainId, opened.hash, note);
          }}
          onClose={() => setOpened(null)}
        />
      )}
    </Page>
  );
}
