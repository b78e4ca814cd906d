import { Search, X } from 'lucide-react';
import type { AccountView } from '../../shared/accounts';
import { ActivityKind } from '../../shared/history';
import type { TokenView } from '../../shared/portfolio';
import { accountName } from '../accounts/useAccounts';
import { ChainDot } from '../chains/ChainBadge';
import { Select } from '../controls/Select';
import { isFiltered, KIND_LABELS, NO_FILTERS, type HistoryFilters } from './filters';
import type { ChainDirectory } from './useChainNames';
import './FilterBar.css';

interface FilterBarProps {
  filters: HistoryFilters;
  /** The search box's text as typed; it reaches `filters` after a pause. */
  searchText: string;
  onSearchText(text: string): void;
  onChange(filters: HistoryFilters): void;
  chainIds: readonly number[];
  chains: ChainDirectory;
  accounts: readonly AccountView[];
  tokens: readonly TokenView[];
}

/** One option per token contract: the token filter is by address, whichever chain it is on. */
function tokenOptions(tokens: readonly TokenView[], chains: ChainDirectory) {
  const seen = new Set<string>();
  return tokens.flatMap((token) => {
    const key = token.address.toLowerCase();
    if (token.address === 'native' || token.hidden || seen.has(key)) return [];
    seen.add(key);
    return [{ value: token.address, label: `${token.symbol} · ${chains.name(token.chainId)}` }];
  });
}

/** Narrows the timeline; every change is a new query to main, from the first page. */
export function FilterBar({
  filters,
  searchText,
  onSearchText,
  onChange,
  chainIds,
  chains,
  accounts,
  tokens,
}: FilterBarProps) {
  const set = (change: Partial<HistoryFilters>) => onChange({ ...filters, ...change });
  const toggleChain = (id: number) =>
    set({
      chainIds: filters.chainIds.includes(id)
        ? filters.chainIds.filter((chainId) => chainId !== id)
        : [...filters.chainIds, id],
    });
  return (
    <div className="filter-bar" role="search" aria-label="History filters">
      <label className="filter-bar__search">
        <Search size={14} aria-hidden="true" />
        <input
          type="search"
          className="text-input"
          aria-label="Search history"
          placeholder="Hash, address, label or note"
          value={searchText}
          onChange={(event) => onSearchText(event.target.value)}
        />
      </label>
      <div className="filter-bar__selects">
        <Select
          aria-label="Account"
          value={filters.account ?? ''}
          onChange={(event) => set({ account: event.target.value || null })}
        >
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.address}>
              {accountName(account)}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Kind"
          value={filters.kind ?? ''}
          onChange={(event) => set({ kind: ActivityKind.safeParse(event.target.value).data ?? null })}
        >
          <option value="">All activity</option>
          {ActivityKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Token"
          value={filters.token ?? ''}
          onChange={(event) => set({ token: event.target.value || null })}
        >
          <option value="">All tokens</option>
          <option value="native">Native coins (ETH, POL…)</option>
          {tokenOptions(tokens, chains).map((token) => (
            <option key={token.value} value={token.value}>
              {token.label}
            </option>
          ))}
        </Select>
        {isFiltered(filters) && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onSearchText('');
              onChange(NO_FILTERS);
            }}
          >
            <X size={14} aria-hidden="true" />
            Clear filters
          </button>
        )}
      </div>
      <div className="filter-bar__chains" role="group" aria-label="Networks">
        {chainIds.map((id) => (
          <button
            key={id}
            type="button"
            className="filter-chip"
            aria-pressed={filters.chainIds.includes(id)}
            onClick={() => toggleChain(id)}
          >
            <ChainDot chainId={id} />
            {chains.name(id)}
          </button>
        ))}
      </div>
    </div>
  );
}
