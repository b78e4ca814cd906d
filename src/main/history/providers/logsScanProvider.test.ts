import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../rpc/rpcClient';
import {
  type JsonRpcCall,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import { toChecksumAddress } from '../../store/address';
import { addressTopic, scanLogs, TOPIC as EVENT } from '../../rpc/logScan';
import { LogsScanProvider } from './logsScanProvider';

const ADDRESS = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const TOPIC = '0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

interface Filter {
  fromBlock: string;
  toBlock: string;
  topics: (string | string[] | null)[];
}

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

/** A node holding one matching log per listed block, refusing windows wider than `maxBlocks`. */
async function scan(blocks: number[], maxBlocks: number, windowBlocks: number) {
  const windows: [number, number][] = [];
  node = await scriptedRpcServer((body) => {
    const reply = (call: JsonRpcCall) => {
      if (call.method === 'eth_chainId') return { jsonrpc: '2.0', id: call.id, result: '0x1' };
      const filter = call.params[0] as Filter;
      const [from, to] = [Number(filter.fromBlock), Number(filter.toBlock)];
      if (to - from + 1 > maxBlocks) {
        return { jsonrpc: '2.0', id: call.id, error: { code: -32600, message: 'block range is too large' } };
      }
      windows.push([from, to]);
      // Only the "from" filter matches, so each log is reported once per window.
      const matching = filter.topics[1] === TOPIC ? blocks.filter((b) => b >= from && b <= to) : [];
      const logs = matching.map((block) => ({
        address: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
        topics: [(filter.topics[0] as string[])[0], TOPIC],
        data: '0x',
        logIndex: '0x0',
        blockNumber: `0x${block.toString(16)}`,
        blockHash: hash(block + 1000),
        transactionHash: hash(block),
        transactionIndex: '0x0',
        removed: false,
      }));
      return { jsonrpc: '2.0', id: call.id, result: logs };
    };
    return { json: Array.isArray(body) ? (body as JsonRpcCall[]).map(reply) : reply(body as JsonRpcCall) };
  });
  const client = new RpcClient({
    chainId: 1,
    chainName: 'Ethereum',
    urls: [node.url],
    retry: { attempts: 1 },
  });
  return { client, provider: new LogsScanProvider(client, { windowBlocks }), windows };
}

describe('LogsScanProvider', () => {
  it('asks for transfers from and to the address, approvals by it, and ERC-1155 either way', async () => {
    const { provider } = await scan([], 100, 100);
    await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 9 });
    const batch = node?.received.find(Array.isArray) as JsonRpcCall[];
    const topics = batch
      .filter((call) => call.method === 'eth_getLogs')
      .map((call) => (call.params[0] as Filter).topics);
    expect(topics).toEqual([
      [
        expect.arrayContaining([
          expect.stringMatching(/^0xddf252ad/),
          expect.stringMatching(/^0x8c5be1e5/),
          expect.stringMatching(/^0x17307eab/),
        ]),
        TOPIC,
      ],
      [expect.stringMatching(/^0xddf252ad/), null, TOPIC],
      [[expect.stringMatching(/^0xc3d58168/), expect.stringMatching(/^0x4a39dc06/)], null, TOPIC],
      [[expect.stringMatching(/^0xc3d58168/), expect.stringMatching(/^0x4a39dc06/)], null, null, TOPIC],
    ]);
  });

  it('halves the window while the node says it is too large, and still covers every block once', async () => {
    const { provider, windows } = await scan([3, 250, 251, 999], 300, 1_000);
    const refs = await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 999 });
    expect(refs).toEqual([3, 250, 251, 999].map((block) => ({ hash: hash(block), blockNumber: block })));
    const covered = [...new Map(windows.map((w) => [w.join(), w])).values()];
    expect(covered[0]).toEqual([0, 249]);
    expect(covered.at(-1)?.[1]).toBe(999);
    covered.forEach(([from], i) => i > 0 && expect(from).toBe((covered[i - 1] as [number, number])[1] + 1));
  });

  it('gives up with a ProviderError when even one block is refused', async () => {
    const { provider } = await scan([], 0, 4);
    await expect(provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 9 })).rejects.toMatchObject({
      name: 'ProviderError',
      message: /token events on Ethereum/,
    });
  });
});

describe('scanLogs', () => {
  it('keeps the window the node accepted, so the next scan starts at its limit', async () => {
    const { client, windows } = await scan([3, 260], 300, 1_000);
    const window = { blocks: 1_000 };
    const only = (range: { fromBlock: bigint; toBlock: bigint }) => [
      { ...range, topics: [[EVENT.approval], addressTopic(ADDRESS)] },
    ];
    const first = await scanLogs(client, { fromBlock: 0, toBlock: 499 }, only, window, 'scan');
    expect(first.map((log) => Number(log.blockNumber))).toEqual([3, 260]);
    expect(window.blocks).toBe(250);
    windows.length = 0;
    await scanLogs(client, { fromBlock: 500, toBlock: 999 }, only, window, 'scan');
    expect(windows).toEqual([
      [500, 749],
      [750, 999],
    ]);
  });
});
