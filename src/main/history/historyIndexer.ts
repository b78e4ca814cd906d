import type { Chain } from '../../shared/chains/chain';
import type { HistorySyncState } from '../../shared/history';
import type { ChainConnection } from '../chains/chainsService';
import { type RpcBlockHeader, type RpcRequest, rpc } from '../rpc/jsonRpc';
import type { ChecksumAddress } from '../store/address';
import { ChainCursorsRepository, type CursorKey } from '../store/chainCursorsRepository';
import type { DecodedActivity, TokenLookup } from './activity';
import { HISTORY_CURSOR_KIND, type HistoryRepository, type IndexedTransaction } from './historyRepository';
import { canCheckActivity } from './providers/activityCheck';
import type { HistoryProvider, RawTransaction, TransactionRef } from './rawTransaction';
import type { Database } from 'better-sqlite3';
import type { RpcClient } from '../rpc/rpcClient';

export interface IndexedAccount {
  id: number;
  address: ChecksumAddress;
}

export interface HistoryIndexerOptions {
  db: Database;
  repository: HistoryRepository;
  decode: (transaction: RawTransaction, account: ChecksumAddress, tokens: TokenLookup) => DecodedActivity;
  /** Completes refs a provider found by hash only (Etherscan, Blockscout, logs) over the chain's RPC. */
  fetch: (client: RpcClient, refs: TransactionRef[], signal?: AbortSignal) => Promise<RawTransaction[]>;
  tokens: TokenLookup;
  /** Blocks per provider request and per stored batch: the most a crash can make the next run redo. */
  windowBlocks?: number;
  now?: () => number;
}

export interface ChainSync {
  connection: ChainConnection;
  provider: HistoryProvider;
  /** Blocks below the head after which an entry is final; newer ones are re-checked for reorgs. */
  confirmations: number;
  accounts: readonly IndexedAccount[];
  onProgress(state: HistorySyncState): void;
  /** Transactions were stored before the run ends, e.g. an explorer's first whole ones: the timeline may show them. */
  onStored?(): void;
}

const DEFAULT_WINDOW = 50_000;

/**
 * Brings one chain's history up to its head for every account: first it undoes what a reorg replaced, then it
 * reads each account's new blocks through the chain's provider (window by window, or all at once from an
 * explorer, which pages by rows), decodes them and stores each window with its cursor in one database
 * transaction. Whole transactions a provider is sure of early are stored at once, without the cursor.
 * Re-running a range rewrites the same rows.
 */
export class HistoryIndexer {
  private readonly cursors: ChainCursorsRepository;
  private readonly windowBlocks: number;
  private readonly now: () => number;

  constructor(private readonly options: HistoryIndexerOptions) {
    this.cursors = new ChainCursorsRepository(options.db);
    this.windowBlocks = options.windowBlocks ?? DEFAULT_WINDOW;
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns how many transactions were written, removed by a reorg or became final: zero means the timeline
   * looks as it did.
   */
  async sync(run: ChainSync): Promise<number> {
    const { connection, provider, confirmations, accounts, onProgress } = run;
    const { chain, client, signal } = connection;
    const { head, headHash, undone } = await this.headAndReorgs(
      connection,
      provider,
      accounts,
      confirmations,
    );
    let changed = undone;
    const safe = head - confirmations;
    const span = provider.windowless ? Number.POSITIVE_INFINITY : this.windowBlocks;
    const quiet = await this.passOverQuiet(run, { head, headHash, span });
    for (const account of accounts) {
      if (quiet.has(account.id)) continue;
      const cursor = this.cursors.get(cursorKey(account, chain.id, provider));
      let from = cursor ? cursor.blockNumber + 1 : 0;
      while (from <= head) {
        const to = Math.min(head, from + span - 1);
        const indexed = (raw: readonly RawTransaction[]): IndexedTransaction[] =>
          raw.map((transaction) => ({
            raw: transaction,
            provisional: transaction.blockNumber > safe,
            entries: [
              { account: account.address, activity: this.decode(chain, transaction, account.address) },
            ],
          }));
        const early = (refs: TransactionRef[]) => {
          const whole = refs.flatMap((ref) => (ref.full ? [ref.full] : []));
          if (whole.length === 0) return;
          this.options.repository.save(indexed(whole), [], this.now());
          run.onStored?.();
        };
        const range = { fromBlock: from, toBlock: to };
        const refs = await provider.transactions(account.address, range, signal, early);
        const transactions = indexed(await this.complete(client, refs, signal));
        const end = to === head ? headHash : await this.blockHash(client, to, signal);
        this.options.repository.save(
          transactions,
          [{ ...cursorKey(account, chain.id, provider), blockNumber: to, blockHash: end }],
          this.now(),
        );
        changed += transactions.length;
        onProgress({
          chainId: chain.id,
          state: 'syncing',
          provider: provider.name,
          indexedBlock: to,
          headBlock: head,
          message: null,
        });
        from = to + 1;
      }
    }
    // Every account is read up to the head now, whether or not this run had any window to read.
    onProgress({
      chainId: chain.id,
      state: 'syncing',
      provider: provider.name,
      indexedBlock: head,
      headBlock: head,
      message: null,
    });
    return changed + this.options.repository.confirm(chain.id, safe);
  }

  /**
   * Accounts whose next read starts at the same block and ends at the head within one window are asked
   * together whether anything of theirs is there, where the provider can check so and there are several (for
   * one, the check costs what the read does). Those with nothing only move their cursors to the head, in one
   * transaction, as a read that found nothing would; they are returned, to be read no further this run.
   */
  private async passOverQuiet(
    { connection, provider, accounts }: ChainSync,
    { head, headHash, span }: { head: number; headHash: string; span: number },
  ): Promise<Set<number>> {
    if (!canCheckActivity(provider)) return new Set();
    const chainId = connection.chain.id;
    const byStart = new Map<number, IndexedAccount[]>();
    for (const account of accounts) {
      const cursor = this.cursors.get(cursorKey(account, chainId, provider));
      const from = cursor ? cursor.blockNumber + 1 : 0;
      if (!cursor || from > head || head - from + 1 > span) continue;
      byStart.set(from, [...(byStart.get(from) ?? []), account]);
    }
    const quiet: IndexedAccount[] = [];
    for (const [from, group] of byStart) {
      if (group.length < 2) continue;
      const range = { fromBlock: from, toBlock: head };
      // The check is a shortcut: a node that refuses it (a cap on a filter's alternatives, a method it lacks)
      // gets each account read, as without it.
      const active = await provider
        .active(
          group.map((account) => account.address),
          range,
          connection.signal,
        )
        .catch((error: unknown) => {
          if (connection.signal.aborted) throw error;
          return null;
        });
      if (active) quiet.push(...group.filter((account) => !active.has(account.address)));
    }
    if (quiet.length === 0) return new Set();
    const cursors = quiet.map((account) => ({
      ...cursorKey(account, chainId, provider),
      blockNumber: head,
      blockHash: headHash,
    }));
    this.options.repository.save([], cursors, this.now());
    return new Set(quiet.map((account) => account.id));
  }

  /** The chain knows its own coin: a native movement gets the chain's symbol and decimals. */
  private decode(chain: Chain, transaction: RawTransaction, account: ChecksumAddress): DecodedActivity {
    const activity = this.options.decode(transaction, account, this.options.tokens);
    const { symbol, decimals } = chain.nativeCurrency;
    return {
      ...activity,
      assets: activity.assets.map((asset) =>
        asset.standard === 'native' ? { ...asset, symbol, decimals } : asset,
      ),
    };
  }

  private async complete(
    client: RpcClient,
    refs: TransactionRef[],
    signal: AbortSignal,
  ): Promise<RawTransaction[]> {
    const missing = refs.filter((ref) => !ref.full);
    const fetched = missing.length > 0 ? await this.options.fetch(client, missing, signal) : [];
    const byHash = new Map(fetched.map((transaction) => [transaction.hash, transaction]));
    return refs.flatMap((ref) => {
      const transaction = ref.full ?? byHash.get(ref.hash);
      return transaction ? [transaction] : [];
    });
  }

  /**
   * The head, and what a reorg undid. A reorg shows as a stored block whose hash the chain no longer has: a
   * provisional transaction's block, or the block a cursor stopped at. Everything from the first such block
   * on is removed, and the cursors go back to the block before it, so the next windows read the new chain.
   * The head and those blocks are asked in one request, so a run with nothing new costs one.
   */
  private async headAndReorgs(
    { chain, client, signal }: ChainConnection,
    provider: HistoryProvider,
    accounts: readonly IndexedAccount[],
    confirmations: number,
  ): Promise<{ head: number; headHash: string; undone: number }> {
    const stored = new Map<number, string>();
    for (const block of this.options.repository.provisional(chain.id))
      stored.set(block.blockNumber, block.blockHash);
    const cursors = accounts.flatMap((account) => {
      const cursor = this.cursors.get(cursorKey(account, chain.id, provider));
      return cursor ? [cursor] : [];
    });
    // The head is at least the highest cursor, so only blocks within reach of a reorg from there are asked.
    const known = Math.max(-1, ...cursors.map((cursor) => cursor.blockNumber));
    for (const cursor of cursors)
      if (cursor.blockNumber > known - confirmations - 1) stored.set(cursor.blockNumber, cursor.blockHash);
    const blocks = [...stored.keys()].sort((a, b) => a - b);
    const [latest, ...current] = await client.sendBatch(
      [rpc.getBlockByNumber('latest'), ...blocks.map((number) => maybeBlock(number))],
      signal,
    );
    const head = Number(latest.number);
    // A block past the head is gone (the chain got shorter); the others are compared by hash.
    const replaced = blocks.filter(
      (number, index) =>
        number > head || (current[index] as { hash: string } | null)?.hash !== stored.get(number),
    );
    if (replaced.length === 0) return { head, headHash: latest.hash, undone: 0 };
    const first = Math.min(...replaced);
    const keep = Math.max(0, first - 1);
    const keepHash = await this.blockHash(client, keep, signal);
    const undone = this.options.repository.rollback(chain.id, first, {
      blockNumber: keep,
      blockHash: keepHash,
    });
    return { head, headHash: latest.hash, undone };
  }

  private async blockHash(client: RpcClient, number: number, signal: AbortSignal): Promise<string> {
    const block = await client.send(rpc.getBlockByNumber(BigInt(number)), signal);
    return block.hash;
  }
}

/** A block's header, or null where the chain has none (past a head that moved back). */
function maybeBlock(number: number): RpcRequest<RpcBlockHeader | null> {
  const request = rpc.getBlockByNumber(BigInt(number));
  return { ...request, result: request.result.nullable() };
}

function cursorKey(account: IndexedAccount, chainId: number, provider: HistoryProvider): CursorKey {
  return { accountId: account.id, chainId, kind: HISTORY_CURSOR_KIND, provider: provider.name };
}
