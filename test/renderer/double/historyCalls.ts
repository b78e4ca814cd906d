import { calls, type RequestOf, type ResponseOf } from '../../../src/shared/api/contract';
import type { HistoryEntryView, HistoryPage, HistorySyncState } from '../../../src/shared/history';
import type { DoubleWorld } from './world';
import { type FamilyHandlers, routerParse } from './handlers';

type HistoryChannel =
  | 'history.page'
  | 'history.status'
  | 'history.sync'
  | 'history.exportCsv'
  | 'history.setNote'
  | 'history.sources'
  | 'history.setEtherscanKey';

type HistoryFilter = RequestOf<'history.exportCsv'>;

/** The decoded timeline the test put in `double.history`, filtered and paged as main's index does it. */
export function historyCalls(double: DoubleWorld): FamilyHandlers<HistoryChannel> {
  function matching(query: HistoryFilter): HistoryEntryView[] {
    return double.history.filter(matcher(query)).sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
  }

  /** Like main: filters, then a keyset page newest first; the cursor is the last entry's (timestamp, id). */
  function page(query: RequestOf<'history.page'>): HistoryPage {
    const limit = query.limit ?? 50;
    const [afterTime, afterId] = query.after ? query.after.split(':').map(Number) : [Infinity, Infinity];
    const older = (e: HistoryEntryView) =>
      e.timestamp < (afterTime ?? Infinity) || (e.timestamp === afterTime && e.id < (afterId ?? Infinity));
    const entries = matching(query)
      .filter(older)
      .slice(0, limit + 1);
    const shown = entries.slice(0, limit);
    const last = shown[shown.length - 1];
    return { entries: shown, next: entries.length > limit && last ? `${last.timestamp}:${last.id}` : null };
  }

  /** Like main: one note per (chain, hash), on every account's entry of it; blank removes it. */
  function setNote({ chainId, hash, note }: RequestOf<'history.setNote'>): null {
    const text = note.trim() || null;
    double.history = double.history.map((e) =>
      e.chainId === chainId && e.hash === hash ? { ...e, note: text } : e,
    );
    double.emit('history.changed', { chainIds: [chainId] });
    return null;
  }

  /** Like main: one progress event per chain as it finishes, then every chain's state. */
  function sync(): HistorySyncState[] {
    double.historyStatus = double.historyStatus.map((chain) => {
      const synced = { ...chain, state: 'synced' as const, indexedBlock: chain.headBlock, message: null };
      double.emit('history.progress', synced);
      return synced;
    });
    return double.historyStatus;
  }

  function exportCsv(query: HistoryFilter): ResponseOf<'history.exportCsv'> {
    const rows = matching(query).map((e) => [e.chainId, e.hash, e.kind, e.status].join(','));
    return {
      fileName: 'ledgerline-history-2030-01-02.csv',
      contents: ['chain,hash,kind,status', ...rows].join('\n'),
    };
  }

  return {
    'history.page': page,
    'history.status': () => double.historyStatus,
    'history.sync': sync,
    'history.exportCsv': exportCsv,
    'history.setNote': setNote,
    'history.sources': () => ({
      explorers: double.settings.historyExplorers,
      etherscanKey: double.etherscanKey !== null,
    }),
    'history.setEtherscanKey': (request) => {
      // Main's router trims the key before the service stores it.
      const { key } = routerParse(
        'history.setEtherscanKey',
        calls['history.setEtherscanKey'].request,
        request,
      );
      double.etherscanKey = key;
      return null;
    },
  };
}

/** The timeline's filters: chains, accounts, kinds, a token, and a search by hash, address or words. */
function matcher(query: HistoryFilter): (entry: HistoryEntryView) => boolean {
  const lower = (value: string | null | undefined) => value?.toLowerCase() ?? '';
  const accounts = query.accounts?.map(lower);
  const search = lower(query.search?.trim());
  const matchesSearch = (e: HistoryEntryView) => {
    const addresses = [e.from, e.to, e.account, e.approval?.spender, ...e.assets.map((a) => a.counterparty)];
    if (/^0x[0-9a-f]{64}$/.test(search))
      return [e.hash, e.bridge?.destinationHash].map(lower).includes(search);
    if (/^0x[0-9a-f]{40}$/.test(search)) return addresses.map(lower).includes(search);
    return [e.toLabel, e.fromLabel, e.counterpartyLabel, e.approval?.spenderLabel, e.method, e.note].some(
      (label) => lower(label).includes(search),
    );
  };
  const token = lower(query.token);
  const matchesToken = (e: HistoryEntryView) =>
    token === 'native'
      ? e.assets.some((a) => a.standard === 'native')
      : e.assets.some((a) => lower(a.token) === token) || lower(e.approval?.token) === token;
  return (e) =>
    (!query.chainIds?.length || query.chainIds.includes(e.chainId)) &&
    (!accounts?.length || accounts.includes(lower(e.account))) &&
    (!query.kinds?.length || query.kinds.includes(e.kind)) &&
    (!token || matchesToken(e)) &&
    (!search || matchesSearch(e));
}
