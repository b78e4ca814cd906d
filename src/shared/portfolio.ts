import { z } from 'zod';
import { Address, ChainId } from './chains/chain';
import { FiatCurrency } from './settings';

/** `native` stands for the chain's own coin, which has no contract address. */
export const TokenAddress = z.union([Address, z.literal('native')]);

export const ChainStatusView = z.strictObject({
  chainId: ChainId,
  name: z.string(),
  state: z.enum(['ok', 'stale']),
  reason: z.string().nullable(),
  /** The RPC endpoint's host only: a full URL may carry an API key. */
  endpoint: z.string().nullable(),
  /**
   * How the last read was made: `override`, one call running the balance reader placed by a state override;
   * `multicall3`, through Multicall3 because the node refuses overrides. Null before the first read.
   */
  readMode: z.enum(['override', 'multicall3']).nullable(),
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

/** A non-negative decimal in whole units (`1234.5`), exact: values never pass through a float before display. */
export const DecimalText = z.string().regex(/^\d+(\.\d+)?$/);
export type DecimalText = z.infer<typeof DecimalText>;

/** Where a price came from. */
export const PriceSourceView = z.discriminatedUnion('kind', [
  z.strictObject({
    /** A Chainlink-style aggregator feed, read through the user's own RPC with the balances. */
    kind: z.literal('oracle'),
    /** What the feed prices, as its publisher names it: `ETH/USD`, or `EUR/USD` for the currency's rate. */
    pair: z.string(),
    chainId: ChainId,
    feed: Address,
    heartbeatSeconds: z.number().int().positive(),
    /** Unix seconds of the feed's last update, as the feed reports it. */
    updatedAt: z.number().int().nonnegative(),
  }),
  z.strictObject({
    /** The optional price service, for tokens with no feed; off unless the user turns it on. */
    kind: z.literal('service'),
    name: z.string(),
    updatedAt: z.number().int().nonnegative(),
  }),
]);
export type PriceSourceView = z.infer<typeof PriceSourceView>;

/**
 * `priced`: every price that went into the value is within its heartbeat. `stale`: one is older; `no-price`:
 * there is no feed (and no service quote), or the feed could not be read or answered nonsense. Only `priced`
 * carries a number.
 */
export const ValueState = z.enum(['priced', 'stale', 'no-price']);
export type ValueState = z.infer<typeof ValueState>;

export const HoldingValueView = z.strictObject({
  chainId: ChainId,
  account: Address,
  token: TokenAddress,
  state: ValueState,
  /** The holding's value in the portfolio's currency, cut (not rounded) to 8 decimals; null unless priced. */
  value: DecimalText.nullable(),
  /** One whole token in the portfolio's currency, cut to 8 decimals; null unless priced. */
  unitPrice: DecimalText.nullable(),
  /** Every price that went into it: the asset's, then the currency's rate when it is not USD. */
  sources: z.array(PriceSourceView),
  /** Why it is stale or has no price, in the user's words; null when priced. */
  reason: z.string().nullable(),
});
export type HoldingValueView = z.infer<typeof HoldingValueView>;

export const PortfolioView = z.strictObject({
  chains: z.array(ChainStatusView),
  tokens: z.array(TokenView),
  holdings: z.array(HoldingView),
  warnings: z.array(TokenWarningView),
  /** The currency `values` are in: the user's setting. */
  currency: FiatCurrency,
  /** One per holding with an amount, same keys (chain, account, token). */
  values: z.array(HoldingValueView),
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

/** One stored value of one account on one network, at one refresh. */
export const ValuePointView = z.strictObject({
  /** Milliseconds since the epoch, when the refresh that valued it ended. */
  at: z.number().int().nonnegative(),
  chainId: ChainId,
  account: Address,
  /** The sum of its priced holdings. */
  value: DecimalText,
  /** Holdings left out of `value` because they were stale or had no price. */
  unpriced: z.number().int().nonnegative(),
});
export type ValuePointView = z.infer<typeof ValuePointView>;

export const ValueHistoryView = z.strictObject({
  currency: FiatCurrency,
  /** Oldest first, only in `currency`: snapshots taken in another currency are not converted. */
  points: z.array(ValuePointView).max(200_000),
});
export type ValueHistoryView = z.infer<typeof ValueHistoryView>;
