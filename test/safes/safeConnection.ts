import type { ChainConnection } from '../../src/main/chains/chainsService';
import { RpcClient } from '../../src/main/rpc/rpcClient';
import { findChain } from '../../src/shared/chains/registry';

/** A chain connection as ChainsService hands it out, to a node on loopback, for the Safe modules' tests. */
export function safeConnection(url: string, chainId: number): ChainConnection {
  const chain = findChain(chainId);
  if (!chain) throw new Error(`chain ${chainId} is not in the registry`);
  return {
    chain,
    client: new RpcClient({
      chainId,
      chainName: chain.name,
      urls: [url],
      timeoutMs: 5_000,
      retry: { attempts: 1 },
    }),
    signal: new AbortController().signal,
  };
}
