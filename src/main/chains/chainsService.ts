import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';
import type { Chain } from '../../shared/chains/chain';
import { findChain } from '../../shared/chains/registry';
import type { HoldingValueView, ValueHistoryView } from '../../shared/portfolio';
import type { FiatCurrency } from '../../shared/settings';
import { type Logger, logFailure } from '../log';
import { ChecksumAddress } from '../store/address';
import { type AccountActivity, readAccountActivity } from './accountActivity';
import type { ChainBalances, TokenAddress } from './balanceReader';
import { BalancesRepository, type SaveSummary } from './balancesRepository';
import { type BalanceQuery, ChainReader, type ChainStatus, staleReason } from './chainReader';
import { ChainsError } from './chainsError';
import { ShownPortfolio } from './shownPortfolio';
import type { RpcClient, RpcClientOptions } from '../rpc/rpcClient';
import type { Token } from './token';
import { TokenCatalog } from './tokenCatalog';
import { readTokenMetadata } from './tokenMetadata';
import { type NewToken, TokensRepository } from './tokensRepository';
import { type TokenWarning, tokenWarnings } from './tokenWarnings';

export type { ChainStatus } from './chainReader';

/** One more chain of a refresh finished, successfully or not. */
export interface RefreshProgress {
  chainId: number;
  done: number;
  total: number;
}

/** What the service reports as it works; the shell adapts it to the API's events. */
export interface ChainsEvents {
  status(status: ChainStatus): void;
  progress(progress: RefreshProgress): void;
}

/** A balance as the UI gets it: the amount in base units as a decimal string, exact. */
export interface Holding {
  chainId: number;
  account: ChecksumAddress;
  token: TokenAddress;
  amount: string | null;
  blockNumber: number | null;
  available: boolean;
}

export interface Portfolio {
  chains: ChainStatus[];
  tokens: Token[];
  holdings: Holding[];
  warnings: TokenWarning[];
}

export interface PortfolioValues {
  currency: FiatCurrency;
  values: HoldingValueView[];
}

/**
 * What the portfolio needs from prices, which the composition root hands in (prices are a capability above
 * chains, so chains names only this).
 */
export interface PortfolioPricing {
  /** The price feeds a read of the chain covers, in the same call as its balances. */
  feeds(chainId: number): ChecksumAddress[];
  /** Stores a read's feed answers; it runs inside the transaction that stores the read's balances. */
  saveReadings(read: ChainBalances, readAt: number): void;
  /** What each holding with an amount is worth, in the user's currency. */
  value(portfolio: Portfolio): PortfolioValues;
  /**
   * After every refresh, and every poll that read something: quotes to renew, a snapshot to take. Resolves to
   * what `value` gives once the quotes are renewed.
   */
  refreshed(portfolio: Portfolio, signal: AbortSignal): Promise<PortfolioValues>;
  valueHistory(): ValueHistoryView;
}

export type ChainsRpcOptions = Omit<RpcClientOptions, 'chainId' | 'chainName' | 'urls' | 'log'>;

export interface ChainsServiceOptions {
  db: Database;
  /** The enabled chains, with the RPC URLs to use; no request is ever sent for any other chain. */
  chains: readonly Chain[];
  /** The addresses whose balances are read, e.g. every account in the store. */
  accounts: () => readonly ChecksumAddress[];
  log: Logger;
  events?: ChainsEvents;
  rpc?: ChainsRpcOptions;
  /** Calldata per `aggregate3` before it is split. */
  maxCalldataBytes?: number;
  now?: () => number;
  /** The name of any network the wallet knows, enabled or not, so refusals name it; the registry by default. */
  chainName?: (chainId: number) => string | undefined;
  /** Without it no feed is read and nothing is told of refreshes. */
  pricing?: PortfolioPricing;
}

/** A chain's client; `signal` aborts when the chain is disabled or its endpoints change. */
export interface ChainConnection {
  chain: Chain;
  client: RpcClient;
  signal: AbortSignal;
}

export interface ChainActivity {
  chainId: number;
  accounts: AccountActivity[] | null;
}

const DEFAULT_MAX_CALLDATA = 128 * 1024;

/**
 * Balances of every account on every enabled chain. Chains are read concurrently and independently: one
 * chain's failure marks that chain stale and never delays or fails another.
 */
export class ChainsService {
  private readonly balances: BalancesRepository;
  private readonly tokensRepository: TokensRepository;
  private readonly catalog: TokenCatalog;
  private readonly entries = new Map<number, ChainReader>();
  private readonly now: () => number;
  private readonly maxCalldataBytes: number;
  private readonly saveRead: (read: ChainBalances, readAt: number) => SaveSummary;
  /** Ends what pricing does after a refresh, when the service closes. */
  private readonly closing = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private readonly shown = new ShownPortfolio();

  constructor(private readonly options: ChainsServiceOptions) {
    this.balances = new BalancesRepository(options.db);
    this.tokensRepository = new TokensRepository(options.db);
    this.catalog = new TokenCatalog(this.tokensRepository);
    this.now = options.now ?? Date.now;
    this.maxCalldataBytes = options.maxCalldataBytes ?? DEFAULT_MAX_CALLDATA;
    // Balances and prices of one read are stored together or not at all.
    this.saveRead = options.db.transaction((read: ChainBalances, readAt: number) => {
      const summary = this.balances.save(read, readAt);
      options.pricing?.saveReadings(read, readAt);
      return summary;
    });
    this.setChains(options.chains);
  }

  /** When the user enables or disables a chain or edits its RPC URLs; unchanged chains keep their client. */
  setChains(chains: readonly Chain[]): void {
    const reads = new Map(this.balances.reads().map((read) => [read.chainId, read]));
    const previous = new Map(this.entries);
    this.entries.clear();
    for (const chain of chains) {
      const config = JSON.stringify(chain);
      const kept = previous.get(chain.id);
      if (kept?.config === config) {
        previous.delete(chain.id);
        this.entries.set(chain.id, kept);
        continue;
      }
      this.entries.set(
        chain.id,
        new ChainReader(chain, config, reads.get(chain.id), {
          save: this.saveRead,
          log: this.options.log,
          status: (status) => this.options.events?.status(status),
          rpc: this.options.rpc,
          maxCalldataBytes: this.maxCalldataBytes,
          now: this.now,
        }),
      );
    }
    for (const dropped of previous.values()) dropped.abort.abort();
  }

  status(): ChainStatus[] {
    return [...this.entries.values()].map((entry) => entry.status);
  }

  /**
   * Reads every enabled chain at its current head, all at once. Resolves when every chain has either been
   * read or marked stale; never rejects. With `onlyIfMoved`, a chain whose head, accounts and tokens are
   * unchanged since its last read costs only the head check.
   *
   * Progress is told as each chain finishes. A poll (`onlyIfMoved`) tells it only once it ends, only of the
   * chains it read, as a refresh of those, and only when the portfolio or its values changed beyond the chains'
   * statuses, which reach the page on their own: on most new blocks no balance or price moved, and the page
   * need not ask for the whole portfolio again. A poll that read nothing says nothing.
   */
  async refresh({ onlyIfMoved = false } = {}): Promise<ChainStatus[]> {
    const entries = [...this.entries.values()];
    const storedBefore = entries.map((entry) => entry.stored);
    let done = 0;
    const statuses = await Promise.all(
      entries.map(async (entry) => {
        const status = await entry.refresh(this.query(entry.chain), onlyIfMoved);
        if (!onlyIfMoved) this.progress(entry, ++done, entries.length);
        return status;
      }),
    );
    const read = entries.filter((entry, index) => entry.stored !== storedBefore[index]);
    if (onlyIfMoved && read.length === 0) return statuses;
    await this.refreshed(() => {
      if (onlyIfMoved) read.forEach((entry, index) => this.progress(entry, index + 1, read.length));
    });
    return statuses;
  }

  /** Polls every chain's head each interval and reads the chains that moved. */
  start(intervalMs: number): void {
    this.stop();
    const tick = () => void this.refresh({ onlyIfMoved: true });
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops polling and cancels requests in flight. */
  close(): void {
    this.stop();
    this.closing.abort();
    for (const entry of this.entries.values()) entry.abort.abort();
    this.entries.clear();
  }

  portfolio(): Portfolio {
    const tokens = [...this.entries.values()].flatMap((entry) => this.catalog.forChain(entry.chain));
    const holdings = this.balances
      .all()
      .filter((balance) => this.entries.has(balance.chainId))
      .map(({ chainId, account, token, amount, blockNumber, available }) => ({
        chainId,
        account,
        token,
        amount: amount?.toString() ?? null,
        blockNumber,
        available,
      }));
    return { chains: this.status(), tokens, holdings, warnings: tokenWarnings(tokens) };
  }

  /**
   * The nonce and native balance of each address on every enabled chain, read concurrently. A chain that
   * cannot be read is listed with `accounts: null`, so "unused" is never claimed for a chain nobody asked.
   */
  async activity(addresses: readonly ChecksumAddress[]): Promise<ChainActivity[]> {
    return Promise.all(
      [...this.entries.values()].map(async ({ chain, client, abort }) => {
        try {
          const accounts = await readAccountActivity(
            client,
            chain.multicall3.address,
            addresses,
            abort.signal,
          );
          return { chainId: chain.id, accounts };
        } catch (error) {
          staleReason(chain, error, this.options.log);
          return { chainId: chain.id, accounts: null };
        }
      }),
    );
  }

  /** The enabled chains with their clients, for services that read more than balances (history). */
  connections(): ChainConnection[] {
    return [...this.entries.values()].map(({ chain, client, abort }) => ({
      chain,
      client,
      signal: abort.signal,
    }));
  }

  /** One enabled chain's client, or a `not_found` the user can read. */
  connection(chainId: number): ChainConnection {
    const found = this.connections().find((candidate) => candidate.chain.id === chainId);
    if (!found) throw new ApiError('not_found', this.notEnabled(chainId));
    return found;
  }

  /** Symbol and decimals of a token the wallet knows on an enabled chain, for history's words. */
  knownToken(chainId: number, address: ChecksumAddress): { symbol: string; decimals: number } | undefined {
    const entry = this.entries.get(chainId);
    return entry ? this.catalog.find(entry.chain, address) : undefined;
  }

  tokens(chainId: number): Token[] {
    return this.catalog.forChain(this.entry(chainId).chain);
  }

  /**
   * Adds a token by its address after reading its symbol, name and decimals on chain. Its balances are read
   * by the next refresh.
   */
  async addToken(chainId: number, address: string): Promise<Token> {
    const entry = this.entry(chainId);
    const checked = parseAddress(address);
    const known = this.catalog.find(entry.chain, checked);
    if (known && known.source !== 'discovered') {
      throw new ChainsError(
        'conflict',
        `${known.symbol} (${checked}) is already in your tokens on ${entry.chain.name}.`,
      );
    }
    const metadata = await readTokenMetadata(
      entry.client,
      entry.chain.multicall3.address,
      checked,
      entry.abort.signal,
    );
    return this.tokensRepository.addUserToken({ chainId, address: checked, ...metadata }, this.now());
  }

  /** For tokens seen arriving unasked (e.g. in history): kept hidden as likely spam until the user shows them. */
  recordDiscoveredToken(token: NewToken): void {
    if (!this.catalog.find(this.entry(token.chainId).chain, token.address)) {
      this.tokensRepository.recordDiscovered(token, this.now());
    }
  }

  setTokenHidden(chainId: number, address: string, hidden: boolean): Token {
    this.entry(chainId); // only an enabled chain's tokens can be changed
    return this.tokensRepository.setHidden(chainId, parseAddress(address), hidden);
  }

  private progress(entry: ChainReader, done: number, total: number): void {
    this.options.events?.progress({ chainId: entry.chain.id, done, total });
  }

  private entry(chainId: number): ChainReader {
    const entry = this.entries.get(chainId);
    if (!entry) throw new ChainsError('not_found', this.notEnabled(chainId));
    return entry;
  }

  /** Names the network, since users know it by name; a bare id only for one the wallet does not know. */
  private notEnabled(chainId: number): string {
    const name = (this.options.chainName ?? ((id: number) => findChain(id)?.name))(chainId);
    if (name === undefined) return `Chain ${chainId} is not a network this wallet knows.`;
    return `${name} is not enabled in this wallet. Turn it on in Settings › Networks.`;
  }

  private query(chain: Chain): BalanceQuery {
    const accounts = [...new Set(this.options.accounts())];
    const tokens = this.catalog
      .forChain(chain)
      .filter((token) => !token.hidden)
      .map((token) => token.address);
    const feeds = this.options.pricing?.feeds(chain.id) ?? [];
    return { accounts, tokens, feeds, key: `${accounts.join()}|${tokens.join()}` };
  }

  /**
   * Pricing's turn after a refresh; its failure is logged, never the refresh's. Calls `changed` once, as soon as
   * what the page shows is seen to differ from what the last refresh left: a moved balance at once, before
   * pricing (which may wait on a price service), a value once pricing has run; after a failure, as changed.
   */
  private async refreshed(changed: () => void): Promise<void> {
    const { pricing, log } = this.options;
    let told = false;
    const tell = () => {
      if (told || this.closing.signal.aborted) return;
      told = true;
      changed();
    };
    try {
      const portfolio = this.portfolio();
      if (this.shown.portfolioChanged(portfolio)) tell();
      if (this.closing.signal.aborted) return;
      const values = await pricing?.refreshed(portfolio, this.closing.signal);
      if (this.shown.valuesChanged(values)) tell();
    } catch (error) {
      if (!this.closing.signal.aborted) logFailure(log, 'prices could not be updated after a refresh', error);
      this.shown.forget();
      tell();
    }
  }
}

function parseAddress(input: string): ChecksumAddress {
  const parsed = ChecksumAddress.safeParse(input);
  if (!parsed.success)
    throw new ChainsError('invalid_request', parsed.error.issues[0]?.message ?? 'Not an address.');
  return parsed.data;
}
