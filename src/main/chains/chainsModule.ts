import type { CoreBase } from '../coreBase';
import type { SettingsService } from '../settings/settingsService';
import type { ChainDirectory } from './chainDirectory';
import { chainsHandlers } from './chainsHandlers';
import type { ChainsRpcOptions, PortfolioPricing } from './chainsService';
import { Networks } from './networks';
import { RpcEndpoints } from './rpcEndpoints';
import { TokensRepository } from './tokensRepository';

export interface ChainsModuleDeps {
  directory: ChainDirectory;
  settings: SettingsService;
  rpc?: ChainsRpcOptions;
  /** How often chain heads are polled while there are accounts (15 s by default); 0 turns polling off. */
  pollMs?: number;
  /** Feeds to read with the balances, and the values made of them: the prices capability's. */
  pricing: PortfolioPricing;
}

/** The enabled networks, their endpoints and the balances read from them. */
export function createChainsModule(base: CoreBase, deps: ChainsModuleDeps) {
  const { db, repositories, vault, events, log } = base;
  const networks = new Networks({
    db,
    directory: deps.directory,
    secrets: vault,
    settings: deps.settings,
    events,
    accounts: () => repositories.accounts.list().map((account) => account.address),
    log,
    rpc: deps.rpc,
    pollMs: deps.pollMs ?? 15_000,
    pricing: deps.pricing,
  });
  return {
    networks,
    handlers: chainsHandlers(networks, deps.pricing),
    /** The user's tokens and custom endpoints, for sync to carry between devices. */
    tokens: new TokensRepository(db),
    endpoints: new RpcEndpoints(vault, () => deps.directory.all()),
    /** Reads the balances of accounts just added, once the chains match the enabled networks. */
    refreshBalances: () => void networks.ready().then(() => networks.chains.refresh()),
  };
}
