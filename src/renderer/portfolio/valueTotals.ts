import type { HoldingValueView, HoldingView, PriceSourceView } from '../../shared/portfolio';
import { sumDecimals } from '../format/money';

/**
 * A sum of values that knows what it left out, so a total missing a stale or unpriced holding never passes
 * for the whole, and a holding with no price is never counted as worth 0.
 */
export interface ValueTotal {
  /** The exact sum of the priced values only. */
  /** Decimal text (`DecimalText`, exact), never a float. */
  sum: string;
  /** The priced holdings in `sum`, for their sources and ages. */
  priced: HoldingValueView[];
  /** Holdings with a balance that `sum` leaves out: stale, or no price. */
  unpriced: HoldingValueView[];
  /** Balances that could not be read, so they could not be valued either. */
  unread: number;
}

export const EMPTY_VALUE: ValueTotal = { sum: '0', priced: [], unpriced: [], unread: 0 };

/** Values are keyed as holdings are: (chain, account, token), addresses compared case-insensitively. */
export function valueKey(chainId: number, account: string, token: string): string {
  return `${chainId}:${account.toLowerCase()}:${token.toLowerCase()}`;
}

/** Main sends one value per holding with an amount; one missing is shown as unpriced, never as 0. */
function missingValue(holding: HoldingView): HoldingValueView {
  return {
    chainId: holding.chainId,
    account: holding.account,
    token: holding.token,
    state: 'no-price',
    value: null,
    unitPrice: null,
    sources: [],
    reason: 'The wallet reported no value for this balance.',
  };
}

export function addValue(
  total: ValueTotal,
  holding: HoldingView,
  value: HoldingValueView | undefined,
): ValueTotal {
  if (!holding.available || holding.amount === null) return { ...total, unread: total.unread + 1 };
  // A zero balance is worth nothing whatever its price, so its price state neither adds nor holds back a total.
  if (BigInt(holding.amount) === 0n) return total;
  if (value?.state === 'priced' && value.value !== null) {
    return { ...total, sum: sumDecimals([total.sum, value.value]), priced: [...total.priced, value] };
  }
  return { ...total, unpriced: [...total.unpriced, value ?? missingValue(holding)] };
}

/** How many holdings a total leaves out, for the price or an unread balance: "2 holdings not valued". */
export function leftOutCount(total: ValueTotal): number {
  return total.unpriced.length + total.unread;
}

/** The prices behind some values, each once: every account's ether on a chain shares one feed. */
export function distinctSources(values: readonly HoldingValueView[]): PriceSourceView[] {
  const sources = values.flatMap((value) => value.sources);
  return [...new Map(sources.map((source) => [JSON.stringify(source), source])).values()];
}
