import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import {
  answer,
  type JsonRpcCall,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import type { RawTransaction } from '../rawTransaction';
import { fetchTransactions } from './transactionFetcher';

const word = (byte: string) => `0x${byte.repeat(32)}`;
const HASH_A = word('AA');
const HASH_B = word('bb');
const BLOCK_HASH = word('c1');
const FROM = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';

const transaction = (hash: string, index: number) => ({
  hash,
  blockHash: BLOCK_HASH,
  blockNumber: '0x10',
  transactionIndex: `0x${index}`,
  from: FROM,
  to: TOKEN,
  value: '0x0',
  input: '0xa9059cbb',
  nonce: '0x3',
  gasPrice: '0x5',
  type: '0x2',
});
const receipt = (hash: string, blockHash = BLOCK_HASH) => ({
  transactionHash: hash,
  blockHash,
  blockNumber: '0x10',
  status: '0x0',
  gasUsed: '0x5208',
  effectiveGasPrice: '0x7',
  contractAddress: null,
  logs: [{ address: TOKEN, topics: [word('DD')], data: '0x01', logIndex: '0x2' }],
});

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

async function client(overrides: Record<string, unknown> = {}): Promise<RpcClient> {
  const byHash = (make: (hash: string) => unknown) => (call: JsonRpcCall) => make(call.params[0] as string);
  node = await scriptedRpcServer((body) =>
    answer(body, {
      eth_chainId: '0x1',
      eth_getTransactionByHash: byHash((hash) => transaction(hash, hash === HASH_A.toLowerCase() ? 0 : 1)),
      eth_getTransactionReceipt: byHash((hash) => receipt(hash)),
      eth_getBlockByNumber: { hash: BLOCK_HASH, number: '0x10', timestamp: '0x64' },
      ...overrides,
    }),
  );
  return new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [node.url], retry: { attempts: 1 } });
}

const calls = (body: unknown) => (body as JsonRpcCall[]).map((call) => call.method);

describe('fetchTransactions', () => {
  it('completes refs in one batch, each block once, in the shape the indexer stores', async () => {
    const rpc = await client();
    const known = { hash: word('ee'), blockNumber: 3, full: { hash: word('ee') } as RawTransaction };
    const fetched = await fetchTransactions(rpc, [
      { hash: HASH_A.toLowerCase(), blockNumber: 16 },
      known,
      { hash: HASH_B, blockNumber: 16 },
    ]);
    expect(node?.received).toHaveLength(1);
    expect(calls(node?.received[0]).filter((method) => method === 'eth_getBlockByNumber')).toHaveLength(1);
    expect(fetched[1]).toBe(known.full);
    expect(fetched[0]).toEqual({
      chainId: 1,
      hash: HASH_A.toLowerCase(),
      blockNumber: 16,
      blockHash: BLOCK_HASH,
      timestamp: 100,
      transactionIndex: 0,
      from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      contractAddress: null,
      value: 0n,
      input: '0xa9059cbb',
      nonce: 3,
      status: 'failed',
      gasUsed: 21_000n,
      effectiveGasPrice: 7n,
      logs: [
        {
          address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          topics: [word('dd')],
          data: '0x01',
          logIndex: 2,
        },
      ],
    });
    expect(fetched[2]?.transactionIndex).toBe(1);
  });

  it('asks only for the receipt of what an explorer row described, and no header when the row gave the time', async () => {
    const rpc = await client();
    const own = {
      chainId: 1,
      hash: HASH_B,
      blockNumber: 16,
      transactionIndex: 4,
      from: toChecksumAddress(FROM),
      to: toChecksumAddress(TOKEN),
      value: 0n,
      input: '0x095ea7b3',
      nonce: 9,
      gasPrice: 6n,
    };
    const [described, named] = await fetchTransactions(rpc, [
      { hash: HASH_B, blockNumber: 16, known: { timestamp: 555, blockHash: BLOCK_HASH, transaction: own } },
      { hash: HASH_A.toLowerCase(), blockNumber: 16, known: { timestamp: 555 } },
    ]);
    expect(calls(node?.received[0]).sort()).toEqual([
      'eth_chainId',
      'eth_getTransactionByHash',
      'eth_getTransactionReceipt',
      'eth_getTransactionReceipt',
    ]);
    const { gasPrice: _, ...fields } = own;
    expect(described).toEqual({
      ...fields,
      blockHash: BLOCK_HASH,
      timestamp: 555,
      contractAddress: null,
      status: 'failed',
      gasUsed: 21_000n,
      effectiveGasPrice: 7n,
      logs: [expect.objectContaining({ logIndex: 2 })],
    });
    expect(named).toMatchObject({
      hash: HASH_A.toLowerCase(),
      timestamp: 555,
      nonce: 3,
      input: '0xa9059cbb',
    });
  });

  it('refuses a receipt from another block than the explorer saw the transaction in', async () => {
    const rpc = await client();
    const ref = { hash: HASH_B, blockNumber: 16, known: { timestamp: 555, blockHash: word('99') } };
    await expect(fetchTransactions(rpc, [ref])).rejects.toMatchObject({
      name: 'ProviderError',
      message: /reorganised/,
    });
  });

  it('refuses a receipt from another block than the chain has at that number', async () => {
    const rpc = await client({ eth_getTransactionReceipt: receipt(HASH_B, word('99')) });
    await expect(fetchTransactions(rpc, [{ hash: HASH_B, blockNumber: 16 }])).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'chain_unavailable',
      message: /reorganised/,
    });
  });

  it('refuses a transaction the node does not know', async () => {
    const rpc = await client({ eth_getTransactionByHash: null });
    await expect(fetchTransactions(rpc, [{ hash: HASH_B, blockNumber: 16 }])).rejects.toMatchObject({
      name: 'ProviderError',
      message: /does not know/,
    });
  });

  it('reports a node failure as a ProviderError', async () => {
    const rpc = await client({ eth_getTransactionReceipt: { not: 'a receipt' } });
    await expect(fetchTransactions(rpc, [{ hash: HASH_B, blockNumber: 16 }])).rejects.toMatchObject({
      name: 'ProviderError',
      message: /Could not read transactions on Ethereum: .*malformed eth_getTransactionReceipt/,
    });
  });

  it('asks nothing when every ref is complete', async () => {
    const rpc = await client();
    await expect(fetchTransactions(rpc, [])).resolves.toEqual([]);
    expect(node?.received).toHaveLength(0);
  });
});
