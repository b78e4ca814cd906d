import { join } from 'node:path';
import { createEventHub } from '../../../src/main/api/events';
import type { ChainConnection, ChainsService } from '../../../src/main/chains/chainsService';
import type { CoreBase } from '../../../src/main/coreBase';
import { createHistoryModule } from '../../../src/main/history/historyModule';
import { ETHERSCAN_V2_URL } from '../../../src/main/history/providers/etherscanProvider';
import { createLogger } from '../../../src/main/log';
import { RpcClient } from '../../../src/main/rpc/rpcClient';
import { SettingsService } from '../../../src/main/settings/settingsService';
import { openDatabase } from '../../../src/main/store/database';
import { createRepositories } from '../../../src/main/store/repositories';
import type { Vault } from '../../../src/main/vault/vault';
import { findChain } from '../../../src/shared/chains/registry';
import { memoryVault } from '../../vault/memoryVault';
import { type EtherscanDouble, startEtherscanDouble } from './etherscanDouble';
import { datasetTokens, type HeavyAccountDataset } from './heavyAccount';
import { type RpcDouble, startRpcDouble } from './rpcDouble';

export interface FirstSyncOptions {
  dataset: HeavyAccountDataset;
  /** Where the wallet's SQLite file goes. */
  directory: string;
  explorerPerSecond?: number;
  rpcPerSecond?: number;
  rpcMaxBatch?: number;
}

/** Requests the doubles received so far, in all and per chain. */
export interface RequestCounts {
  explorer: number;
  rpc: number;
  rpcCalls: number;
  /** Served RPC calls per method, over every chain. */
  rpcByMethod: Record<string, number>;
  refused: number;
  perChain: Record<number, { explorer: number; rpc: number }>;
}

/** Etherscan keys are 34 letters and digits; the app refuses anything else. */
const API_KEY = 'LEDGERLINEBENCHKEY0000000000000000';

/**
 * The app's history path over the doubles, wired as the core wires it: `createHistoryModule` on a real
 * SQLite file, with explorers allowed in the settings and an Etherscan key set through the history handlers.
 * Each chain's RpcClient is made as the chains service makes it, pointed at its RPC double. The Etherscan
 * double is reached through the module's `fetch` (the seam Electron's net.fetch takes in the app), which
 * sends Etherscan's URL to the double and anything else nowhere.
 */
export async function startFirstSync(options: FirstSyncOptions) {
  const { dataset } = options;
  const etherscan = await startEtherscanDouble({ dataset, perSecond: options.explorerPerSecond ?? 5 });
  const nodes = new Map<number, RpcDouble>();
  for (const chain of dataset.chains) {
    const node = await startRpcDouble({
      chainId: chain.chainId,
      dataset,
      maxBatch: options.rpcMaxBatch ?? 50,
      perSecond: options.rpcPerSecond ?? 25,
    });
    nodes.set(chain.chainId, node);
  }
  const db = openDatabase(join(options.directory, 'wallet.sqlite'));
  const repositories = createRepositories(db);
  const events = createEventHub();
  const log = createLogger('history', () => {});
  const settings = new SettingsService(repositories.settings, events, log);
  settings.set({ historyExplorers: true });
  repositories.accounts.add({
    signer: 'watch',
    deviceFingerprint: null,
    derivationScheme: null,
    derivationPath: null,
    address: dataset.account,
    label: 'Heavy',
  });
  const abort = new AbortController();
  const connections: ChainConnection[] = dataset.chains.map(({ chainId }) => {
    const node = nodes.get(chainId) as RpcDouble;
    const chain = { ...(findChain(chainId) ?? never(chainId)), rpcUrls: [node.url] };
    const client = new RpcClient({ chainId, chainName: chain.name, urls: chain.rpcUrls, log });
    return { chain, client, signal: abort.signal };
  });
  const tokens = datasetTokens(dataset);
  // Only what history asks of the chains service: its connections and its token catalog.
  const chains = { connections: () => connections, knownToken: tokens } as unknown as ChainsService;
  const base: CoreBase = {
    db,
    repositories,
    // The vault's keychain is not what is measured: an in-memory one holds the Etherscan key.
    vault: memoryVault() as unknown as Vault,
    events,
    log,
  };
  const { history, handlers } = createHistoryModule(base, {
    settings,
    networks: { ready: async () => {}, chains },
    fetch: toDouble(etherscan),
    onNoteEdited: () => {},
    safeExecution: () => null,
  });
  // As the Settings page sets it, from the app's own window.
  await handlers['history.setEtherscanKey'](
    { key: API_KEY },
    { sender: { origin: 'app://wallet', isMainFrame: true } },
  );

  const counts = (): RequestCounts => {
    const perChain: RequestCounts['perChain'] = {};
    const explorerByChain = etherscan.byChain();
    for (const [chainId, node] of nodes)
      perChain[chainId] = { explorer: explorerByChain[chainId] ?? 0, rpc: node.requests() };
    const all = [...nodes.values()];
    const rpcByMethod: Record<string, number> = {};
    for (const node of all)
      for (const [method, calls] of Object.entries(node.byMethod()))
        rpcByMethod[method] = (rpcByMethod[method] ?? 0) + calls;
    return {
      explorer: etherscan.requests(),
      rpc: all.reduce((sum, node) => sum + node.requests(), 0),
      rpcCalls: all.reduce((sum, node) => sum + node.calls(), 0),
      rpcByMethod,
      refused: etherscan.refused() + all.reduce((sum, node) => sum + node.refused(), 0),
      perChain,
    };
  };

  return {
    history,
    events,
    etherscan,
    nodes,
    counts,
    /** Cancels every chain's run, as the app does when a chain is disabled. */
    abort: () => abort.abort(),
    async close() {
      abort.abort();
      history.stop();
      await Promise.all([etherscan.close(), ...[...nodes.values()].map((node) => node.close())]);
      db.close();
    },
  };
}

export type FirstSyncHarness = Awaited<ReturnType<typeof startFirstSync>>;

function never(chainId: number): never {
  throw new Error(`chain ${chainId} is not in the registry`);
}

/** A fetch that serves Etherscan's API from the double, and refuses every other host. */
function toDouble(etherscan: EtherscanDouble): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const api = new URL(ETHERSCAN_V2_URL);
    if (url.origin !== api.origin || url.pathname !== api.pathname) {
      return Promise.reject(new TypeError(`the first-sync bench reaches no ${url.host}`));
    }
    return fetch(`${etherscan.url}${url.search}`, init);
  };
}
