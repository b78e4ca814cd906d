import type { LogFilter, RpcLog } from '../../rpc/jsonRpc';
import { addressTopic, DEFAULT_WINDOW_BLOCKS, type LogWindow, scanLogs, TOPIC } from '../../rpc/logScan';
import type { RpcClient } from '../../rpc/rpcClient';
import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider, TransactionRef } from '../rawTransaction';
import { type ActivityCheck, ADDRESSES_PER_CHECK } from './activityCheck';
import { mergeRefs } from './refs';

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
export class LogsScanProvider implements HistoryProvider, ActivityCheck {
  readonly name = 'logs';
  private readonly window: LogWindow;

  constructor(
    private readonly client: RpcClient,
    options: LogsScanOptions = {},
  ) {
    this.window = { blocks: options.windowBlocks ?? DEFAULT_WINDOW_BLOCKS };
  }

  async transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    const logs = await this.scan([address], range, signal);
    return mergeRefs([
      logs.map((log) => ({ hash: log.transactionHash, blockNumber: Number(log.blockNumber) })),
    ]);
  }

  /** The same filters with every address in each topic position: one batch per window for all of them. */
  async active(
    addresses: readonly ChecksumAddress[],
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<Set<ChecksumAddress>> {
    const found = new Set<ChecksumAddress>();
    for (let at = 0; at < addresses.length; at += ADDRESSES_PER_CHECK) {
      const part = addresses.slice(at, at + ADDRESSES_PER_CHECK);
      const byTopic = new Map(part.map((address) => [addressTopic(address), address]));
      for (const log of await this.scan(part, range, signal)) {
        for (const topic of log.topics.slice(1)) {
          const address = byTopic.get(topic.toLowerCase());
          if (address) found.add(address);
        }
      }
    }
    return found;
  }

  private scan(addresses: readonly string[], range: BlockRange, signal?: AbortSignal): Promise<RpcLog[]> {
    return scanLogs(
      this.client,
      range,
      (window) => filters(addresses, window),
      this.window,
      `read token events on ${this.client.chainName}`,
      signal,
    );
  }
}

function filters(
  addresses: readonly string[],
  window: Pick<LogFilter, 'fromBlock' | 'toBlock'>,
): LogFilter[] {
  const topics = addresses.map(addressTopic);
  const topic = topics.length === 1 ? (topics[0] as string) : topics;
  const erc1155 = [TOPIC.transferSingle, TOPIC.transferBatch];
  return [
    { ...window, topics: [[TOPIC.transfer, TOPIC.approval, TOPIC.approvalForAll], topic] },
    { ...window, topics: [TOPIC.transfer, null, topic] },
    { ...window, topics: [erc1155, null, topic] },
    { ...window, topics: [erc1155, null, null, topic] },
  ];
}
