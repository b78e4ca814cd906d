import { z } from 'zod';
import { Address, ChainId } from './chains/chain';

/** `native` stands for the chain's own coin, which has no contract address. */
export const TokenAddress = z.union([Address, z.literal('native')]);

export const ChainStatusView = z.strictObject({
  chainId: ChainId,
  name: z.string(),
  state: z.enum(['ok', 'stale']),
  reason: z.string().nullable(),
  /** The RPC endpoint's host only: a full URL may carry an API key. */
  endpoint: z.string().nullable(),
  lastRead: z
    .strictObject({
      blockNumber: z.number().int().nonnegative(),
      blockTimestamp: z.number().int().nonnegative(),
      readAt: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type ChainStatusView = z.infer<typeof ChainStatusView>;

export const TokenView = z.strictObject({
  chainId: ChainId,
  address: TokenAddress,
  symbol: z.string(),
  name: z.string(),
  decimals: z.number().int().min(0).max(255),
  source: z.enum(['native', 'list', 'user', 'discovered']),
  hidden: z.boolean(),
  tags: z.array(z.string()).readonly(),
  logoURI: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

export const HoldingView = z.strictObject({
  chainId: ChainId,
  account: Address,
  token: TokenAddress,
  /** Base units as a decimal string, so no amount ever passes through a float. Null when never read. */
  amount: z.string().regex(/^\d+$/).nullable(),
  blockNumber: z.number().int().nonnegative().nullable(),
  available: z.boolean(),
});
export type HoldingView = z.infer<typeof HoldingView>;

export const TokenWarningView = z.strictObject({
  chainId: ChainId,
  kind: z.enum(['same-symbol', 'same-name', 'variant', 'unrequested']),
  severity: z.enum(['danger', 'info']),
  tokens: z.array(TokenAddress),
  message: z.string(),
});
export type TokenWarningView = z.infer<typeof TokenWarningView>;

export const PortfolioView = z.strictObject({
  chains: z.array(ChainStatusView),
  tokens: z.array(TokenView),
  holdings: z.array(HoldingView),
  warnings: z.array(TokenWarningView),
});
export type PortfolioView = z.infer<typeof PortfolioView>;

export const RefreshProgress = z.strictObject({
  chainId: ChainId,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const TokenRef = z.strictObject({ chainId: ChainId, address: Address });
export const SetTokenHidden = z.strictObject({ chainId: ChainId, address: Address, hidden: z.boolean() });

/** Custom endpoints for a known chain, tried in order; an empty list goes back to the built-in ones. */
export const SetChainRpc = z.strictObject({
  chainId: ChainId,
  urls: z.array(z.url({ protocol: /^https?$/ }).max(2048)).max(5),
});
