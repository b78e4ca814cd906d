import { findChain } from '../../shared/chains/registry';

/** The chain a request is for and the one the desktop is on, as the phone names them. */
export interface RequestNetwork {
  chain: { id: number; name: string; symbol: string; decimals: number; known: boolean };
  desktopNetwork: { id: number; name: string };
  networkDiffers: boolean;
  warnings: { code: 'unknown_chain' | 'network_differs'; message: string }[];
}

// A chain the phone does not know is assumed to have an 18-decimal coin, as almost all EVM chains do.
const UNKNOWN_CHAIN_DECIMALS = 18;

function chainName(id: number): string {
  return findChain(id)?.name ?? `Chain ${id}`;
}

/** Warns of a chain the phone does not know, and of a request for another network than the desktop's. */
export function requestNetwork(chainId: number, desktopChainId: number): RequestNetwork {
  const known = findChain(chainId);
  const warnings: RequestNetwork['warnings'] = [];
  if (!known) {
    warnings.push({
      code: 'unknown_chain',
      message: `The phone does not know chain ${chainId}; amounts assume its coin has 18 decimals.`,
    });
  }
  const networkDiffers = desktopChainId !== chainId;
  if (networkDiffers) {
    warnings.push({
      code: 'network_differs',
      message: `The desktop is on ${chainName(desktopChainId)}, but this request is for ${chainName(chainId)}.`,
    });
  }
  return {
    chain: {
      id: chainId,
      name: chainName(chainId),
      symbol: known?.nativeCurrency.symbol ?? 'native coin',
      decimals: known?.nativeCurrency.decimals ?? UNKNOWN_CHAIN_DECIMALS,
      known: known !== undefined,
    },
    desktopNetwork: { id: desktopChainId, name: chainName(desktopChainId) },
    networkDiffers,
    warnings,
  };
}
