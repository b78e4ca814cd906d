import type { Chain } from './chain';

/** Multicall3 has the same address on every chain it is deployed to (CREATE2 from a keyless deployer). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

const ether = { name: 'Ether', symbol: 'ETH', decimals: 18 } as const;

export const CHAINS: readonly Chain[] = [
  {
    id: 1,
    name: 'Ethereum',
    shortName: 'eth',
    family: 'ethereum',
    nativeCurrency: ether,
    explorer: { name: 'Etherscan', url: 'https://etherscan.io' },
    rpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://eth.merkle.io'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 14353601 },
  },
  {
    id: 42161,
    name: 'Arbitrum One',
    shortName: 'arb1',
    family: 'arbitrum',
    nativeCurrency: ether,
    explorer: { name: 'Arbiscan', url: 'https://arbiscan.io' },
    rpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 7654707 },
  },
  {
    id: 10,
    name: 'OP Mainnet',
    shortName: 'oeth',
    family: 'op-stack',
    nativeCurrency: ether,
    explorer: { name: 'Optimism Etherscan', url: 'https://optimistic.etherscan.io' },
    rpcUrls: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 4286263 },
  },
  {
    id: 8453,
    name: 'Base',
    shortName: 'base',
    family: 'op-stack',
    nativeCurrency: ether,
    explorer: { name: 'Basescan', url: 'https://basescan.org' },
    rpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 5022 },
  },
  {
    id: 137,
    name: 'Polygon',
    shortName: 'pol',
    family: 'other',
    nativeCurrency: { name: 'POL', symbol: 'POL', decimals: 18 },
    explorer: { name: 'PolygonScan', url: 'https://polygonscan.com' },
    rpcUrls: ['https://polygon-rpc.com', 'https://polygon-bor-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 25770160 },
  },
  {
    id: 56,
    name: 'BNB Chain',
    shortName: 'bnb',
    family: 'other',
    nativeCurrency: { name: 'BNB', symbol: 'BNB', decimals: 18 },
    explorer: { name: 'BscScan', url: 'https://bscscan.com' },
    rpcUrls: ['https://bsc-dataseed.bnbchain.org', 'https://bsc-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 15921452 },
  },
  {
    id: 43114,
    name: 'Avalanche C-Chain',
    shortName: 'avax',
    family: 'other',
    nativeCurrency: { name: 'Avalanche', symbol: 'AVAX', decimals: 18 },
    explorer: { name: 'Snowtrace', url: 'https://snowtrace.io' },
    rpcUrls: ['https://api.avax.network/ext/bc/C/rpc', 'https://avalanche-c-chain-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 11907934 },
  },
  {
    id: 100,
    name: 'Gnosis',
    shortName: 'gno',
    family: 'other',
    nativeCurrency: { name: 'xDAI', symbol: 'XDAI', decimals: 18 },
    explorer: { name: 'Gnosisscan', url: 'https://gnosisscan.io' },
    rpcUrls: ['https://rpc.gnosischain.com', 'https://gnosis-rpc.publicnode.com'],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 21022491 },
  },
];

export function findChain(id: number): Chain | undefined {
  return CHAINS.find((chain) => chain.id === id);
}
