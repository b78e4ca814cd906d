/**
 * The colour family of each chain the registry knows, kept in the renderer because colour is presentation,
 * not chain identity. The colours themselves are CSS tokens (`--chain-<tone>`), tuned per theme.
 */
const TONES = {
  1: 'ethereum',
  42161: 'arbitrum',
  10: 'optimism',
  8453: 'base',
  137: 'polygon',
  56: 'bnb',
  43114: 'avalanche',
  100: 'gnosis',
} as const satisfies Record<number, string>;

export type ChainTone = (typeof TONES)[keyof typeof TONES] | 'neutral';

/** A chain added to the registry before it gets a colour here still gets a dot, in neutral grey. */
export function chainTone(chainId: number): ChainTone {
  return (TONES as Record<number, ChainTone>)[chainId] ?? 'neutral';
}
