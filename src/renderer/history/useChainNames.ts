import { useMemo } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { useWallet } from '../session/WalletContext';
import type { ChainNames } from './describeEntry';

export interface ChainDirectory extends ChainNames {
  chain(chainId: number): Chain | undefined;
}

/** The wallet's chains by id, for wording and explorer links; an unknown id still gets a name. */
export function useChainNames(): ChainDirectory {
  const { chains } = useWallet();
  return useMemo(() => {
    const byId = new Map(chains.map((chain) => [chain.id, chain]));
    return {
      chain: (id) => byId.get(id),
      name: (id) => byId.get(id)?.name ?? `Chain ${id}`,
      nativeSymbol: (id) => byId.get(id)?.nativeCurrency.symbol ?? 'ETH',
    };
  }, [chains]);
}
