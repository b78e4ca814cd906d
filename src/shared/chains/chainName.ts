import type { Chain } from './chain';
import { findChain } from './registry';

/**
 * A chain as people know it: its name from the wallet's own networks or the registry, the bare id only when
 * neither knows it. Takes a bigint too, since typed data from a page may carry any chain id.
 */
export function chainName(chainId: number | bigint, networks: readonly Chain[] = []): string {
  const id =
    typeof chainId === 'number' || chainId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(chainId) : null;
  const known = id === null ? undefined : (networks.find((chain) => chain.id === id) ?? findChain(id));
  return known?.name ?? `chain ${chainId}`;
}
