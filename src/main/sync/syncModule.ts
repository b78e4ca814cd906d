import type { Chain } from '../../shared/chains/chain';
import type { CoreBase } from '../coreBase';
import type { ChainDirectory } from '../chains/chainDirectory';
import type { RpcEndpoints } from '../chains/rpcEndpoints';
import type { TokensRepository } from '../chains/tokensRepository';
import type { SettingsService } from '../settings/settingsService';
import { syncedCollections, type SyncedCollection } from './syncedCollections';
import { syncHandlers } from './syncHandlers';
import { SyncService } from './syncService';

export interface SyncModuleDeps {
  settings: SettingsService;
  directory: ChainDirectory;
  tokens: TokensRepository;
  endpoints: RpcEndpoints;
  /** Names another device wrote reach every screen that shows an address. */
  names: { announce(): void };
  /** A network another device added or changed is reached at once, through the endpoints it now has. */
  /** Networks as the screens list them (explorers by the own-RPC rule), and their clients to rebuild. */
  networks: { reconfigure(): Promise<void>; list(): Chain[] };
  deviceName: string;
  /** The Safes and their pending transactions, which the Safes service keeps. */
  safes: readonly SyncedCollection[];
}

/** State sync with the collections it carries, wired to the services that show what it brings in. */
export function createSyncModule(base: CoreBase, deps: SyncModuleDeps) {
  const { db, vault, repositories, events, log } = base;
  const { settings, directory, tokens, endpoints, names, networks, deviceName, safes } = deps;
  const collections = syncedCollections({
    repositories,
    tokens,
    settings,
    directory,
    endpoints,
    safes,
    onNamesChanged: () => names.announce(),
    onNotesChanged: (chainIds) => events.emit('history.changed', { chainIds }),
    onNetworksChanged: () => {
      events.emit('chains.changed', networks.list());
      void networks.reconfigure();
    },
  });
  const sync = new SyncService({ db, vault, collections, events, log, deviceName });
  return {
    sync,
    handlers: syncHandlers(sync),
    /** A change the user made here: the group hears of it at once rather than at the next interval. */
    syncSoon: () =>
      void sync.syncIfInUse().catch((error: unknown) => log.warn('sync failed', { error: String(error) })),
  };
}
