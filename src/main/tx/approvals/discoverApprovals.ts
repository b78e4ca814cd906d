import type { Chain } from '../../../shared/chains/chain';
import { type RpcLog, rpc } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import { addressTopic, type BlockRange, DEFAULT_WINDOW_BLOCKS, scanLogs, TOPIC } from '../../rpc/logScan';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';

/** A token and spender the owner approved at least once in the scanned blocks, as of its latest approval. */
export interface DiscoveredApproval {
  chainId: number;
  owner: ChecksumAddress;
  token: ChecksumAddress;
  spender: ChecksumAddress;
  blockNumber: number;
  /** Seconds, from the block of the latest approval: when the allowance now in force was given. */
  timestamp: number;
  transactionHash: string;
}

/** An ERC-20 Approval log: owner and spender indexed, the amount as its one data word. */
type Erc20Approval = Pick<RpcLog, 'address' | 'topics' | 'blockNumber' | 'logIndex' | 'transactionHash'>;

/** A topic that holds an address has twelve zero bytes first; anything else is not one. */
const ADDRESS_WORD = /^0x0{24}[0-9a-f]{40}$/;

/**
 * Every (token, spender) pair `owner` approved in `range`, found from ERC-20 Approval logs with the owner as
 * topic1, newest approval first. The logs only say that an allowance was given; what is left of it now is
 * `readAllowances`' job, since transferFrom spends it and most tokens log no Approval when it does.
 */
export async function discoverApprovals(
  client: RpcClient,
  chain: Pick<Chain, 'id' | 'name'>,
  owner: ChecksumAddress,
  range: BlockRange,
  signal?: AbortSignal,
): Promise<DiscoveredApproval[]> {
  const logs = await scanLogs(
    client,
    range,
    (window) => [{ ...window, topics: [TOPIC.approval, addressTopic(owner)] }],
    { blocks: DEFAULT_WINDOW_BLOCKS },
    `read token approvals on ${chain.name}`,
    signal,
  );
  const latest = latestApprovals(logs);
  const timestamps = await blockTimestamps(
    client,
    chain,
    [...new Set(latest.map((log) => log.blockNumber))],
    signal,
  );
  return latest.map((log) => ({
    chainId: chain.id,
    owner,
    token: toChecksumAddress(log.address),
    spender: toChecksumAddress(`0x${(log.topics[2] as string).slice(26)}`),
    blockNumber: Number(log.blockNumber),
    timestamp: timestamps.get(log.blockNumber) as number,
    transactionHash: log.transactionHash,
  }));
}

/**
 * The latest ERC-20 Approval log per (token, spender), newest first. ERC-721's Approval has the same
 * signature but indexes the token id as a fourth topic, so only three-topic logs are ERC-20 allowances.
 */
export function latestApprovals<L extends Erc20Approval>(logs: readonly L[]): L[] {
  const byPair = new Map<string, L>();
  for (const log of logs) {
    const spender = log.topics[2];
    if (log.topics.length !== 3 || log.topics[0] !== TOPIC.approval || !ADDRESS_WORD.test(spender ?? '')) {
      continue;
    }
    const key = `${log.address.toLowerCase()}:${spender}`;
    const seen = byPair.get(key);
    if (!seen || compareOrder(log, seen) > 0) byPair.set(key, log);
  }
  return [...byPair.values()].sort((a, b) => compareOrder(b, a));
}

function compareOrder(a: Erc20Approval, b: Erc20Approval): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber > b.blockNumber ? 1 : -1;
  return a.logIndex === b.logIndex ? 0 : a.logIndex > b.logIndex ? 1 : -1;
}

/** One header per distinct block, all in one JSON-RPC batch (split by the client where a node caps it). */
async function blockTimestamps(
  client: RpcClient,
  chain: Pick<Chain, 'name'>,
  blocks: readonly bigint[],
  signal?: AbortSignal,
): Promise<Map<bigint, number>> {
  if (blocks.length === 0) return new Map();
  const headers = await client.sendBatch(blocks.map(rpc.getBlockByNumber), signal);
  return new Map(
    headers.map((header, index) => {
      if (header.number !== blocks[index]) {
        throw new RpcError(
          'bad_response',
          `The RPC of ${chain.name} sent block ${header.number} when asked for block ${blocks[index]}.`,
          { chainId: client.chainId, host: client.endpoint },
        );
      }
      return [header.number, Number(header.timestamp)];
    }),
  );
}
