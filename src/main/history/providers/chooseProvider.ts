import type { RpcClient } from '../../rpc/rpcClient';
import type { Chain } from '../../../shared/chains/chain';
import type { HistoryProvider } from '../rawTransaction';
import { BlockscoutProvider, EtherscanProvider, type ExplorerApiOptions } from './etherscanProvider';
import { LogsScanProvider } from './logsScanProvider';
import { OtterscanProvider, supportsOtterscan } from './otterscanProvider';

export interface ProviderChoice {
  /**
   * Whether the user agreed to ask a block explorer: Etherscan and Blockscout learn every address asked
   * about, so they are never used unless the user turned them on.
   */
  explorers?: boolean;
  etherscanKey?: string;
  /** A Blockscout instance the user set for this chain; a well-known one is used otherwise. */
  blockscoutUrl?: string;
  /** Passed to an explorer provider, e.g. Electron's `net.fetch`. */
  fetch?: typeof fetch;
}

/** Chains Etherscan's multichain API (v2) serves; some need a paid plan, which its answer then says. */
export const ETHERSCAN_CHAINS: ReadonlySet<number> = new Set([
  1, 10, 56, 100, 137, 8453, 42161, 42170, 43114, 59144, 81457, 534352, 11155111, 17000, 84532, 421614,
  11155420,
]);

/** Public Blockscout instances, by chain id. */
export const BLOCKSCOUT_INSTANCES: ReadonlyMap<number, string> = new Map([
  [1, 'https://eth.blockscout.com'],
  [10, 'https://optimism.blockscout.com'],
  [100, 'https://gnosis.blockscout.com'],
  [8453, 'https://base.blockscout.com'],
  [42161, 'https://arbitrum.blockscout.com'],
  [11155111, 'https://eth-sepolia.blockscout.com'],
]);

/**
 * The best history source for a chain: the node's own Otterscan index (nothing leaves for a third party),
 * then, where the user allowed explorers, Etherscan with the user's key or a keyless Blockscout, and as a
 * last resort the logs scan, which misses plain native transfers.
 */
export async function chooseProvider(
  chain: Pick<Chain, 'id' | 'name'>,
  client: RpcClient,
  choice: ProviderChoice = {},
  signal?: AbortSignal,
): Promise<HistoryProvider> {
  if (await supportsOtterscan(client, signal)) {
    // Otterscan indexes calls, not logs: tokens others send the address come from the logs scan.
    return new OtterscanProvider(client, { tokenEvents: new LogsScanProvider(client) });
  }
  if (!choice.explorers) return new LogsScanProvider(client);
  const explorer: ExplorerApiOptions = {
    chainId: chain.id,
    chainName: chain.name,
    ...(choice.fetch ? { fetch: choice.fetch } : {}),
  };
  if (choice.etherscanKey && ETHERSCAN_CHAINS.has(chain.id)) {
    return new EtherscanProvider({ ...explorer, apiKey: choice.etherscanKey });
  }
  const instance = choice.blockscoutUrl ?? BLOCKSCOUT_INSTANCES.get(chain.id);
  if (instance) return new BlockscoutProvider({ ...explorer, instance });
  return new LogsScanProvider(client);
}
