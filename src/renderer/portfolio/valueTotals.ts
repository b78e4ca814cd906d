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

/**
 * The value of some holdings, each looked up by `valueOf`. Built in one pass and summed once: the page totals
 * every holding of the portfolio, tens of thousands in a large one.
 */
export function valueTotal(
  holdings: readonly HoldingView[],
  valueOf: (holding: HoldingView) => HoldingValueView | undefined,
): ValueTotal {
  const priced: HoldingValueView[] = [];
  const unpriced: HoldingValueView[] = [];
  let unread = 0;
  for (const holding of holdings) {
    if (!holding.available || holding.amount === null) unread += 1;
    // A zero balance is worth nothing whatever its price, so its price state neither adds nor holds back a total.
    else if (BigInt(holding.amount) === 0n) continue;
    else {
      const value = valueOf(holding);
      if (value?.state === 'priced' && value.value !== null) priced.push(value);
      else unpriced.push(value ?? missingValue(holding));
    }
  }
  const sum = priced.length === 0 ? '0' : sumDecimals(priced.map((value) => value.value ?? '0'));
  return { sum, priced, unpriced, unread };
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
