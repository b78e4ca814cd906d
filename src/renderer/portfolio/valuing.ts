import type { HoldingValueView, PortfolioView } from '../../shared/portfolio';
import type { FiatCurrency } from '../../shared/settings';
import { plural } from '../format/plural';
import type { ValueTotal } from './valueTotals';

/** What every value on the page is shown with: the currency, the clock for ages, and names for sources. */
export interface Valuing {
  currency: FiatCurrency;
  now: number;
  chainName(chainId: number): string;
  /** "USDC on Ethereum": which holding a total left out. */
  holdingName(value: HoldingValueView): string;
}

export function makeValuing(view: PortfolioView, now: number): Valuing {
  const chainName = (chainId: number) =>
    view.chains.find((chain) => chain.chainId === chainId)?.name ?? `Chain ${chainId}`;
  return {
    currency: view.currency,
    now,
    chainName,
    holdingName: (value) => {
      const token = view.tokens.find(
        (t) => t.chainId === value.chainId && t.address.toLowerCase() === value.token.toLowerCase(),
      );
      return `${token?.symbol ?? 'A token'} on ${chainName(value.chainId)}`;
    },
  };
}

/** When each price on the page was updated, in ms: what its "… ago" labels count from. */
export function priceDates(view: PortfolioView): number[] {
  const seconds = new Set(view.values.flatMap((value) => value.sources.map((source) => source.updatedAt)));
  return [...seconds].map((updatedAt) => updatedAt * 1000);
}

/**
 * Why a total leaves holdings out, one line per holding and reason ("USDC on Ethereum, 2 accounts: no price.
 * No price feed covers this token…"), so the same cause in several accounts reads once.
 */
export function leftOutReasons(total: ValueTotal, valuing: Valuing): string[] {
  const groups = new Map<string, { name: string; why: string; count: number }>();
  for (const value of total.unpriced) {
    const name = valuing.holdingName(value);
    const why = `${value.state === 'stale' ? 'stale' : 'no price'}. ${value.reason ?? ''}`.trim();
    const group = groups.get(`${name}\n${why}`) ?? { name, why, count: 0 };
    groups.set(`${name}\n${why}`, { ...group, count: group.count + 1 });
  }
  const lines = [...groups.values()].map(
    ({ name, why, count }) => `${name}${count > 1 ? `, ${count} accounts` : ''}: ${why}`,
  );
  if (total.unread > 0) {
    lines.push(`${plural(total.unread, 'balance', 'balances')} could not be read, so not valued.`);
  }
  return lines;
}
