import { type OtsSearchPage, rpc } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider, TransactionRef } from '../rawTransaction';
import { fromRpcError, ProviderError } from '../../rpc/providerError';
import { type ActivityCheck, ADDRESSES_PER_CHECK, canCheckActivity } from './activityCheck';
import { mergeRefs } from './refs';
import { toRawTransaction } from './transactionFetcher';

export interface OtterscanOptions {
  /** Otterscan treats it as a lower bound: a page always ends with a whole block. */
  pageSize?: number;
  /**
   * Otterscan indexes the addresses a transaction's calls touch, so a token sent to the address by someone
   * else (seen only in a log) is not among its results; this provider (a logs scan) fills that in.
   */
  tokenEvents?: HistoryProvider;
}

/** Whether the node serves Otterscan's `ots_` namespace (Erigon, Reth, anvil). */
export async function supportsOtterscan(client: RpcClient, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.send(rpc.otsGetApiLevel(), signal);
    return true;
  } catch (error) {
    if (error instanceof RpcError && error.code !== 'aborted') return false;
    throw error;
  }
}

/** Whole transactions from a node's Otterscan index, paged forward through the range. */
export class OtterscanProvider implements HistoryProvider, ActivityCheck {
  readonly name = 'otterscan';
  private readonly pageSize: number;

  constructor(
    private readonly client: RpcClient,
    private readonly options: OtterscanOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 25;
  }

  async transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    const [own, tokens] = await Promise.all([
      this.search(address, range, signal),
      this.options.tokenEvents?.transactions(address, range, signal) ?? [],
    ]);
    return mergeRefs([own, tokens]);
  }

  /**
   * Each address's first page after the range's start, the smallest the index serves (one whole block), all
   * in one batch: an address is active when that block is within the range. Token events others sent it come
   * from the logs check, or, where the token events cannot be checked so, every address counts as active.
   */
  async active(
    addresses: readonly ChecksumAddress[],
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<Set<ChecksumAddress>> {
    const { tokenEvents } = this.options;
    const [own, tokens] = await Promise.all([
      this.activeOwn(addresses, range, signal),
      !tokenEvents
        ? new Set<ChecksumAddress>()
        : canCheckActivity(tokenEvents)
          ? tokenEvents.active(addresses, range, signal)
          : new Set(addresses),
    ]);
    return new Set([...own, ...tokens]);
  }

  private async activeOwn(
    addresses: readonly ChecksumAddress[],
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<ChecksumAddress[]> {
    const after = Math.max(0, range.fromBlock - 1);
    const found: ChecksumAddress[] = [];
    for (let at = 0; at < addresses.length; at += ADDRESSES_PER_CHECK) {
      const part = addresses.slice(at, at + ADDRESSES_PER_CHECK);
      const pages = await this.client
        .sendBatch(
          part.map((address) => rpc.otsSearchTransactionsAfter(address, after, 1)),
          signal,
        )
        .catch((error: unknown) => {
          throw fromRpcError(error, this.client.chainId, `search ${this.client.chainName}'s Otterscan index`);
        });
      found.push(
        ...part.filter((_, index) =>
          (pages[index] as OtsSearchPage).txs.some((tx) => {
            const block = Number(tx.blockNumber);
            return block >= range.fromBlock && block <= range.toBlock;
          }),
        ),
      );
    }
    return found;
  }

  private async search(address: string, range: BlockRange, signal?: AbortSignal): Promise<TransactionRef[]> {
    const refs: TransactionRef[] = [];
    // "After" excludes the block it is given; genesis holds no transactions, so 0 loses nothing.
    let after = Math.max(0, range.fromBlock - 1);
    while (after < range.toBlock) {
      const page = await this.page(address, after, signal);
      const found = this.refs(page).filter(
        (ref) => ref.blockNumber >= range.fromBlock && ref.blockNumber <= range.toBlock,
      );
      refs.push(...found);
      const newest = Math.max(...page.txs.map((tx) => Number(tx.blockNumber)));
      if (page.firstPage || page.txs.length === 0 || newest <= after) break;
      after = newest;
    }
    return refs;
  }

  private async page(address: string, after: number, signal?: AbortSignal): Promise<OtsSearchPage> {
    try {
      return await this.client.send(rpc.otsSearchTransactionsAfter(address, after, this.pageSize), signal);
    } catch (error) {
      throw fromRpcError(error, this.client.chainId, `search ${this.client.chainName}'s Otterscan index`);
    }
  }

  private refs(page: OtsSearchPage): TransactionRef[] {
    const receipts = new Map(page.receipts.map((receipt) => [receipt.transactionHash, receipt]));
    return page.txs.map((tx) => {
      const receipt = receipts.get(tx.hash);
      if (!receipt || receipt.blockHash !== tx.blockHash) {
        throw new ProviderError(
          this.client.chainId,
          `${this.client.chainName}'s Otterscan index sent transaction ${tx.hash} without its receipt.`,
        );
      }
      const full = toRawTransaction(this.client.chainId, tx, receipt, Number(receipt.timestamp));
      return { hash: full.hash, blockNumber: full.blockNumber, full };
    });
  }
}
