import type { Chain } from '../../shared/chains/chain';
import type { Logger } from '../log';
import type { ChecksumAddress } from '../store/address';
import { type ChainBalances, readBalances, type ReadMode, type TokenAddress } from './balanceReader';
import type { ChainRead, SaveSummary } from './balancesRepository';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient, type RpcClientOptions } from '../rpc/rpcClient';
import { RpcError } from '../rpc/rpcError';

/**
 * `ok`: the last refresh read this chain. `stale`: it did not (or has not yet), and `reason` says why;
 * `lastRead` then still says which block the stored balances are from.
 */
export interface ChainStatus {
  chainId: number;
  name: string;
  state: 'ok' | 'stale';
  reason: string | null;
  /** The host of the RPC endpoint in use, never its URL (which may hold a key). */
  endpoint: string | null;
  /** How the last read was made; null before the first read since the app started. */
  readMode: ReadMode | null;
  lastRead: Omit<ChainRead, 'chainId'> | null;
}

/** The accounts, tokens and price feeds a read covers; `key` tells two queries apart. */
export interface BalanceQuery {
  accounts: ChecksumAddress[];
  tokens: TokenAddress[];
  feeds: ChecksumAddress[];
  key: string;
}

export interface ChainReaderOptions {
  /** Stores one whole read (balances and feed answers) in one transaction. */
  save: (read: ChainBalances, readAt: number) => SaveSummary;
  log: Logger;
  /** Told when the chain's status changes. */
  status?: (status: ChainStatus) => void;
  rpc?: Omit<RpcClientOptions, 'chainId' | 'chainName' | 'urls' | 'log'>;
  maxCalldataBytes: number;
  now: () => number;
}

/** One enabled chain: its client, its status, and the balance read in flight; `abort` ends all of it. */
export class ChainReader {
  readonly client: RpcClient;
  readonly abort = new AbortController();
  status: ChainStatus;
  /** How many reads it has stored, so a poll can tell whether it read anything. */
  stored = 0;
  /** Accounts and tokens of the last read, so a poll can skip a chain where nothing moved. */
  private lastQuery: string | null = null;
  /** Whether the last poll found a new block: a chain that keeps moving is read without asking its head. */
  private moving = false;
  private inFlight: { query: BalanceQuery; status: Promise<ChainStatus> } | null = null;

  constructor(
    readonly chain: Chain,
    /** The chain's settings as read, so a chain whose settings did not change keeps its reader. */
    readonly config: string,
    lastRead: ChainRead | undefined,
    private readonly options: ChainReaderOptions,
  ) {
    this.client = new RpcClient({
      ...options.rpc,
      chainId: chain.id,
      chainName: chain.name,
      urls: chain.rpcUrls,
      log: options.log,
    });
    this.status = {
      chainId: chain.id,
      name: chain.name,
      state: 'stale',
      reason: 'Not read since the app started.',
      endpoint: null,
      readMode: null,
      lastRead: lastRead
        ? {
            blockNumber: lastRead.blockNumber,
            blockTimestamp: lastRead.blockTimestamp,
            readAt: lastRead.readAt,
          }
        : null,
    };
  }

  /**
   * Overlapping refreshes share one read, unless an account or token was added after that read began: its
   * result would miss them, so the newer refresh reads again once it ends.
   */
  refresh(query: BalanceQuery, onlyIfMoved: boolean): Promise<ChainStatus> {
    const running = this.inFlight;
    if (running?.query.key === query.key) return running.status;
    const status: Promise<ChainStatus> = (running?.status ?? Promise.resolve())
      .then(() => this.read(query, onlyIfMoved))
      .finally(() => {
        if (this.inFlight?.status === status) this.inFlight = null;
      });
    this.inFlight = { query, status };
    return status;
  }

  private async read(query: BalanceQuery, onlyIfMoved: boolean): Promise<ChainStatus> {
    const { chain, client, abort } = this;
    const before = JSON.stringify(this.status);
    try {
      // A refresh reads at 'latest' at once, whose answer names its own block, so it is one POST per chain.
      // A poll does too on a chain whose last poll found a new block, as most chains have one by the next
      // poll; elsewhere it asks for the head first, which is cheap, and reads only when it moved.
      const head =
        onlyIfMoved && !this.moving ? await client.send(rpc.blockNumber(), abort.signal) : 'latest';
      const last = this.status.lastRead;
      const unchanged = (block: bigint | number) =>
        !!last && BigInt(last.blockNumber) === BigInt(block) && this.lastQuery === query.key;
      if (head === 'latest' || !unchanged(head)) {
        const read = await readBalances(
          client,
          chain.multicall3.address,
          head,
          { accounts: query.accounts, tokens: query.tokens, feeds: query.feeds },
          { maxCalldataBytes: this.options.maxCalldataBytes, signal: abort.signal },
        );
        const fresh = !(onlyIfMoved && unchanged(read.blockNumber));
        if (fresh) this.save(read);
        this.lastQuery = query.key;
        if (onlyIfMoved) this.moving = fresh;
      } else {
        this.moving = false;
      }
      this.status = { ...this.status, state: 'ok', reason: null, endpoint: client.endpoint };
    } catch (error) {
      if (abort.signal.aborted) return this.status;
      this.status = {
        ...this.status,
        state: 'stale',
        reason: staleReason(chain, error, this.options.log),
        endpoint: client.endpoint,
      };
    }
    // A poll that finds nothing new says nothing, so an idle wallet does not chatter over IPC.
    if (JSON.stringify(this.status) !== before) this.options.status?.(this.status);
    return this.status;
  }

  private save(read: ChainBalances): void {
    const readAt = this.options.now();
    const summary = this.options.save(read, readAt);
    this.stored++;
    this.status = {
      ...this.status,
      readMode: read.readMode ?? null,
      lastRead: { blockNumber: read.blockNumber, blockTimestamp: read.blockTimestamp, readAt },
    };
    if (summary.written + summary.removed > 0) {
      this.options.log.info('balances changed', {
        chainId: read.chainId,
        block: read.blockNumber,
        ...summary,
      });
    }
  }
}

/** The user's words for why a chain could not be read; anything but an RPC failure is logged as a bug. */
export function staleReason(chain: Chain, error: unknown, log: Logger): string {
  if (error instanceof RpcError) {
    log.warn('chain is stale', { chainId: chain.id, code: error.code, host: error.host });
    return error.message;
  }
  log.error('reading a chain failed unexpectedly', {
    chainId: chain.id,
    error: error instanceof Error ? error.name : typeof error,
  });
  return `Reading ${chain.name} failed unexpectedly.`;
}
