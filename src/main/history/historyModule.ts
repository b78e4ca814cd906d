import type { CoreBase } from '../coreBase';
import type { Networks } from '../chains/networks';
import type { SettingsService } from '../settings/settingsService';
import { decodeActivity } from './decode/decodeActivity';
import { historyHandlers } from './historyHandlers';
import { HistoryService, type HistoryServiceOptions } from './historyService';
import { HistorySources } from './historySources';
import { chooseProvider } from './providers/chooseProvider';
import { fetchTransactions } from './providers/transactionFetcher';
import { TxNotesService } from './txNotesService';

export interface HistoryModuleDeps {
  settings: SettingsService;
  /** The chains the timeline is read from, once they match the enabled networks. */
  networks: Pick<Networks, 'ready' | 'chains'>;
  /** Passed to the explorers, e.g. Electron's `net.fetch`. */
  fetch?: typeof fetch;
  /** A note the user wrote: the sync group hears of it now. */
  onNoteEdited: () => void;
  /** A Safe execution this wallet sent: the Safe and every owner who signed it, from the Safes service. */
  safeExecution: HistoryServiceOptions['safeExecution'];
}

/** The cross-chain timeline, the sources it is read from (the user's RPC, or explorers they allow), and notes. */
export function createHistoryModule(base: CoreBase, deps: HistoryModuleDeps) {
  const { db, repositories, vault, events, log } = base;
  const { settings, networks } = deps;
  const { chains } = networks;
  const sources = new HistorySources({
    secrets: vault,
    settings,
    events,
    fetch: deps.fetch,
    onChange: () => history.resetProviders(),
  });
  const history = new HistoryService({
    db,
    repositories,
    connections: async () => (await networks.ready(), chains.connections()),
    chooseProvider: async ({ chain, client, signal }) =>
      chooseProvider(chain, client, await sources.choice(), signal),
    decode: decodeActivity,
    fetch: fetchTransactions,
    tokens: (chainId, address) => chains.knownToken(chainId, address),
    safeExecution: deps.safeExecution,
    events,
    log,
  });
  const notes = new TxNotesService({ notes: repositories.txNotes, events, onEdited: deps.onNoteEdited });
  return { history, handlers: historyHandlers(history, sources, notes) };
}
