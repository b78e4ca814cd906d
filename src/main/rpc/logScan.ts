import { id } from 'ethers/hash';
import { type LogFilter, type RpcLog, rpc } from './jsonRpc';
import { fromRpcError } from './providerError';
import type { RpcClient } from './rpcClient';
import { RpcError } from './rpcError';

/** Blocks from and to, both included. */
export interface BlockRange {
  fromBlock: number;
  toBlock: number;
}

export const TOPIC = {
  transfer: id('Transfer(address,address,uint256)'),
  approval: id('Approval(address,address,uint256)'),
  approvalForAll: id('ApprovalForAll(address,address,bool)'),
  transferSingle: id('TransferSingle(address,address,address,uint256,uint256)'),
  transferBatch: id('TransferBatch(address,address,address,uint256[],uint256[])'),
} as const;

/** How nodes word "ask for fewer blocks": Geth, Erigon, Infura, Alchemy, QuickNode and public gateways. */
const TOO_MUCH = /range|too many|more than|too large|response size/i;

/** A first window most nodes accept; public gateways that cap lower make a scan halve it. */
export const DEFAULT_WINDOW_BLOCKS = 2_000;

/** The blocks one eth_getLogs window spans; a scan shrinks it in place, so later scans start at the node's limit. */
export interface LogWindow {
  blocks: number;
}

/**
 * Every log `filters` match in `range`, read window by window, each window's filters in one JSON-RPC batch.
 * A window the node refuses as too much is halved and asked again; logs marked removed are left out.
 * `doing` completes "Could not …" in the error a failed read becomes.
 */
export async function scanLogs(
  client: RpcClient,
  range: BlockRange,
  filters: (window: Pick<LogFilter, 'fromBlock' | 'toBlock'>) => LogFilter[],
  window: LogWindow,
  doing: string,
  signal?: AbortSignal,
): Promise<RpcLog[]> {
  const found: RpcLog[] = [];
  let from = range.fromBlock;
  while (from <= range.toBlock) {
    const to = Math.min(range.toBlock, from + window.blocks - 1);
    let logs: RpcLog[][];
    try {
      const requests = filters({ fromBlock: BigInt(from), toBlock: BigInt(to) }).map(rpc.getLogs);
      logs = await client.sendBatch(requests, signal);
    } catch (error) {
      if (!asksForFewerBlocks(error) || to === from) throw fromRpcError(error, client.chainId, doing);
      // The smaller window is kept: the node's limit holds for the rest of the scan too.
      window.blocks = Math.max(1, Math.floor((to - from + 1) / 2));
      continue;
    }
    for (const log of logs.flat()) if (!log.removed) found.push(log);
    from = to + 1;
  }
  return found;
}

/** An address as an indexed event argument: left-padded to a word, lower case as nodes match it. */
export function addressTopic(address: string): string {
  return `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
}

/** A refusal for size, which some providers send as a rate-limit code, so the whole cause chain is read. */
function asksForFewerBlocks(error: unknown): boolean {
  for (let cause = error; cause instanceof RpcError; cause = cause.cause) {
    if (cause.code === 'aborted') return false;
    if ((cause.code === 'rpc' || cause.code === 'rate_limited') && TOO_MUCH.test(cause.message)) return true;
  }
  return false;
}
