import { id } from 'ethers/hash';
import { type LogFilter, type RpcLog, rpc } from '../../chains/jsonRpc';
import type { RpcClient } from '../../chains/rpcClient';
import { RpcError } from '../../chains/rpcError';
import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider, TransactionRef } from '../rawTransaction';
import { fromRpcError } from './providerError';
import { mergeRefs } from './refs';

const TOPIC = {
  transfer: id('Transfer(address,address,uint256)'),
  approval: id('Approval(address,address,uint256)'),
  approvalForAll: id('ApprovalForAll(address,address,bool)'),
  transferSingle: id('TransferSingle(address,address,address,uint256,uint256)'),
  transferBatch: id('TransferBatch(address,address,address,uint256[],uint256[])'),
} as const;

/** How nodes word "ask for fewer blocks": Geth, Erigon, Infura, Alchemy, QuickNode and public gateways. */
const TOO_MUCH = /range|too many|more than|too large|response size/i;

export interface LogsScanOptions {
  /** Blocks per eth_getLogs window; halved while the node says a window is too much. */
  windowBlocks?: number;
}

/**
 * The last resort where no index exists: the token events that name the address, read with eth_getLogs.
 * ERC-20 and ERC-721 Transfer (from as topic1, to as topic2) and Approval, ERC-1155 TransferSingle and
 * TransferBatch (from as topic2, to as topic3), and ApprovalForAll (owner as topic1).
 *
 * It cannot see what emits no such event: plain native sends and receipts, and contract calls that move no
 * token. History built on it alone lacks those.
 */
export class LogsScanProvider implements HistoryProvider {
  readonly name = 'logs';
  private windowBlocks: number;

  constructor(
    private readonly client: RpcClient,
    options: LogsScanOptions = {},
  ) {
    this.windowBlocks = options.windowBlocks ?? 2_000;
  }

  async transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    const refs: TransactionRef[] = [];
    let from = range.fromBlock;
    while (from <= range.toBlock) {
      const to = Math.min(range.toBlock, from + this.windowBlocks - 1);
      let logs: RpcLog[][];
      try {
        logs = await this.client.sendBatch(filters(address, from, to).map(rpc.getLogs), signal);
      } catch (error) {
        if (!asksForFewerBlocks(error) || to === from) {
          throw fromRpcError(error, this.client.chainId, `read token events on ${this.client.chainName}`);
        }
        // The smaller window is kept: the node's limit holds for the rest of the scan too.
        this.windowBlocks = Math.max(1, Math.floor((to - from + 1) / 2));
        continue;
      }
      for (const log of logs.flat()) {
        if (log.removed) continue;
        refs.push({ hash: log.transactionHash, blockNumber: Number(log.blockNumber) });
      }
      from = to + 1;
    }
    return mergeRefs([refs]);
  }
}

function filters(address: string, from: number, to: number): LogFilter[] {
  const topic = `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
  const window = { fromBlock: BigInt(from), toBlock: BigInt(to) };
  const erc1155 = [TOPIC.transferSingle, TOPIC.transferBatch];
  return [
    { ...window, topics: [[TOPIC.transfer, TOPIC.approval, TOPIC.approvalForAll], topic] },
    { ...window, topics: [TOPIC.transfer, null, topic] },
    { ...window, topics: [erc1155, null, topic] },
    { ...window, topics: [erc1155, null, null, topic] },
  ];
}

/** A refusal for size, which some providers send as a rate-limit code, so the whole cause chain is read. */
function asksForFewerBlocks(error: unknown): boolean {
  for (let cause = error; cause instanceof RpcError; cause = cause.cause) {
    if (cause.code === 'aborted') return false;
    if ((cause.code === 'rpc' || cause.code === 'rate_limited') && TOO_MUCH.test(cause.message)) return true;
  }
  return false;
}
