import type { AccountView } from '../../shared/accounts';
import type {
  ChainStatusView,
  HoldingView,
  PortfolioView,
  TokenView,
  TokenWarningView,
} from '../../shared/portfolio';
import { valueKey, valueTotal, type ValueTotal } from './valueTotals';

/**
 * A sum of balances that knows how many of its parts could not be read, so a failed read is never shown as 0
 * and a partial sum is never shown as the whole.
 */
export interface Total {
  sum: bigint;
  /** Balances that went into `sum`. */
  read: number;
  /** Balances that could not be read (RPC failure, never read yet). */
  unread: number;
}

const EMPTY_TOTAL: Total = { sum: 0n, read: 0, unread: 0 };

function addHolding(total: Total, holding: HoldingView): Total {
  if (!holding.available || holding.amount === null) return { ...total, unread: total.unread + 1 };
  return { sum: total.sum + BigInt(holding.amount), read: total.read + 1, unread: total.unread };
}

function isPositive(holding: HoldingView): boolean {
  return holding.available && holding.amount !== null && BigInt(holding.amount) > 0n;
}

/** Token identity is (chain, address), never a symbol; addresses compare case-insensitively (checksums vary). */
export function tokenKey(chainId: number, address: string): string {
  return `${chainId}:${address.toLowerCase()}`;
}

export interface AccountRef {
  address: string;
  label: string;
}

export interface TokenRow {
  key: string;
  token: TokenView;
  total: Total;
  /** Its value in the portfolio's currency, summed over accounts. */
  value: ValueTotal;
  /** One entry per account that has a holding of this token, in the order of the account list. */
  byAccount: { account: AccountRef; total: Total; value: ValueTotal }[];
  /** The danger warnings that name this token as the suspect one. */
  suspicions: TokenWarningView[];
}

export interface NativeTotal {
  symbol: string;
  decimals: number;
  total: Total;
}

export interface ChainTotals {
  chain: ChainStatusView;
  native: NativeTotal | null;
  /** Visible ERC-20 tokens with a positive balance in at least one account. */
  tokensHeld: number;
  /** Account × token pairs (native included) with a positive balance: what the chart draws. */
  positions: number;
  /** Every visible holding on the chain, valued. */
  value: ValueTotal;
}

export interface AccountTotals {
  account: AccountRef;
  /** Native coins summed across chains, one entry per coin (ETH on three chains is one ETH figure). */
  native: NativeTotal[];
  tokensHeld: number;
  /** Every visible holding of the account across chains, valued. */
  value: ValueTotal;
}

export interface PortfolioModel {
  /** Visible tokens worth a row: held, unreadable, native, or added by the user. */
  rows: TokenRow[];
  hiddenRows: TokenRow[];
  /** Visible list tokens nobody holds, left out of the table to keep it about what is owned. */
  unheldListTokens: number;
  chains: ChainTotals[];
  accounts: AccountTotals[];
  /** Keys of the visible tokens some account holds: notes about variants matter only for these. */
  heldTokens: ReadonlySet<string>;
  /** The whole portfolio's value: every visible holding (hidden tokens count in no total). */
  value: ValueTotal;
}

function nativeTotal(token: TokenView | undefined, total: Total): NativeTotal | null {
  return token ? { symbol: token.symbol, decimals: token.decimals, total } : null;
}

/** Everything the Portfolio page shows, derived once from main's view; pure, so it is tested without a screen. */
export function buildPortfolioModel(
  view: PortfolioView,
  accountList: readonly AccountView[],
): PortfolioModel {
  const labels = new Map(accountList.map((account) => [account.address.toLowerCase(), account.label]));
  const order = new Map(accountList.map((account, index) => [account.address.toLowerCase(), index]));
  const accountRef = (address: string): AccountRef => ({
    address,
    label: labels.get(address.toLowerCase()) ?? '',
  });

  const values = new Map(
    view.values.map((value) => [valueKey(value.chainId, value.account, value.token), value]),
  );
  const valueOf = (holdings: readonly HoldingView[]) =>
    valueTotal(holdings, (holding) => values.get(valueKey(holding.chainId, holding.account, holding.token)));

  const holdingsByToken = new Map<string, HoldingView[]>();
  for (const holding of view.holdings) {
    const key = tokenKey(holding.chainId, holding.token);
    holdingsByToken.set(key, [...(holdingsByToken.get(key) ?? []), holding]);
  }

  const suspicionsByToken = new Map<string, TokenWarningView[]>();
  for (const warning of view.warnings) {
    const suspect = warning.tokens[0];
    if (warning.severity !== 'danger' || !suspect) continue;
    const key = tokenKey(warning.chainId, suspect);
    suspicionsByToken.set(key, [...(suspicionsByToken.get(key) ?? []), warning]);
  }

  const chainOrder = new Map(view.chains.map((chain, index) => [chain.chainId, index]));
  const tokens = [...view.tokens].sort(
    (a, b) =>
      (chainOrder.get(a.chainId) ?? Infinity) - (chainOrder.get(b.chainId) ?? Infinity) ||
      Number(b.source === 'native') - Number(a.source === 'native') ||
      a.symbol.localeCompare(b.symbol),
  );

  const rowFor = (token: TokenView): TokenRow => {
    const key = tokenKey(token.chainId, token.address);
    const holdings = [...(holdingsByToken.get(key) ?? [])].sort(
      (a, b) =>
        (order.get(a.account.toLowerCase()) ?? Infinity) - (order.get(b.account.toLowerCase()) ?? Infinity),
    );
    return {
      key,
      token,
      total: holdings.reduce(addHolding, EMPTY_TOTAL),
      value: valueOf(holdings),
      byAccount: holdings.map((holding) => ({
        account: accountRef(holding.account),
        total: addHolding(EMPTY_TOTAL, holding),
        value: valueOf([holding]),
      })),
      suspicions: suspicionsByToken.get(key) ?? [],
    };
  };

  const rows: TokenRow[] = [];
  const hiddenRows: TokenRow[] = [];
  let unheldListTokens = 0;
  for (const token of tokens) {
    const row = rowFor(token);
    if (token.hidden) hiddenRows.push(row);
    else if (row.total.sum > 0n || row.total.unread > 0 || token.source !== 'list') rows.push(row);
    else unheldListTokens++;
  }

  const visible = new Set(rows.map((row) => row.key));
  const visibleHoldings = view.holdings.filter((holding) =>
    visible.has(tokenKey(holding.chainId, holding.token)),
  );

  const chains = view.chains.map((chain): ChainTotals => {
    const nativeToken = view.tokens.find((t) => t.chainId === chain.chainId && t.address === 'native');
    const nativeRow = rows.find((row) => row.token === nativeToken);
    const onChain = visibleHoldings.filter((holding) => holding.chainId === chain.chainId);
    return {
      chain,
      native: nativeTotal(nativeToken, nativeRow?.total ?? EMPTY_TOTAL),
      tokensHeld: rows.filter(
        (row) => row.token.chainId === chain.chainId && row.token.address !== 'native' && row.total.sum > 0n,
      ).length,
      positions: onChain.filter(isPositive).length,
      value: valueOf(onChain),
    };
  });

  const accountAddresses = [
    ...accountList.map((account) => account.address),
    ...view.holdings.map((holding) => holding.account),
  ].filter(
    (address, index, all) =>
      all.findIndex((other) => other.toLowerCase() === address.toLowerCase()) === index,
  );

  const accounts = accountAddresses.map((address): AccountTotals => {
    const mine = visibleHoldings.filter((holding) => holding.account.toLowerCase() === address.toLowerCase());
    const native = new Map<string, NativeTotal>();
    for (const holding of mine.filter((h) => h.token === 'native')) {
      const token = view.tokens.find((t) => t.chainId === holding.chainId && t.address === 'native');
      if (!token) continue;
      const coin = `${token.symbol}:${token.decimals}`;
      const previous = native.get(coin) ?? {
        symbol: token.symbol,
        decimals: token.decimals,
        total: EMPTY_TOTAL,
      };
      native.set(coin, { ...previous, total: addHolding(previous.total, holding) });
    }
    return {
      account: accountRef(address),
      native: [...native.values()],
      tokensHeld: mine.filter((holding) => holding.token !== 'native' && isPositive(holding)).length,
      value: valueOf(mine),
    };
  });

  const heldTokens = new Set(rows.filter((row) => row.total.sum > 0n).map((row) => row.key));
  return {
    rows,
    hiddenRows,
    unheldListTokens,
    chains,
    accounts,
    heldTokens,
    value: valueOf(visibleHoldings),
  };
}
