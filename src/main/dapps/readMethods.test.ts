import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  scriptedRpcServer,
  type JsonRpcCall,
  type ScriptedRpcServer,
} from '../../../test/anvil/scriptedRpcServer';
import { connectSite, dappsHarness } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { RpcClient } from '../rpc/rpcClient';
import { ProviderError } from './providerError';

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (result) => ({ result }),
    (error: unknown) =>
      error instanceof ProviderError
        ? { code: error.code, message: error.message, data: error.data }
        : { error },
  );
const TOKEN = '0x' + 'aa'.repeat(20);
const HASH = '0x' + 'bb'.repeat(32);
const NODE: Record<string, unknown> = {
  eth_chainId: '0x1',
  eth_blockNumber: '0x100000',
  eth_call: '0x' + '00'.repeat(31) + '2a',
  eth_getBalance: '0xde0b6b3a7640000',
  eth_getLogs: [],
  eth_getTransactionReceipt: null,
  eth_feeHistory: { oldestBlock: '0x1', baseFeePerGas: ['0x1', '0x1'], gasUsedRatio: [0.5] },
};

describe('read methods', () => {
  const temp = useTempDatabase('dapps-reads-');
  let server: ScriptedRpcServer;
  afterEach(() => server.close());

  async function connected(results: Record<string, unknown> = NODE) {
    server = await scriptedRpcServer((body) => answer(body, results));
    return withNode();
  }

  async function withNode() {
    const h = dappsHarness(temp.db);
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [server.url],
      retry: { attempts: 1 },
    });
    h.state.clients.set(1, client);
    await connectSite(h);
    return h;
  }
  const sentMethods = () =>
    server.received
      .flatMap((body) => (Array.isArray(body) ? body : [body]) as JsonRpcCall[])
      .map((c) => c.method);

  it("forwards an allowed read to the user's node for the site's chain and passes the answer on", async () => {
    const h = await connected();
    expect(await h.call('eth_call', [{ to: TOKEN, data: '0x313ce567' }, 'latest'])).toBe(NODE.eth_call);
    expect(await h.call('eth_getBalance', [TOKEN, 'latest'])).toBe(NODE.eth_getBalance);
    expect(await h.call('eth_blockNumber')).toBe('0x100000');
    expect(await h.call('eth_getTransactionReceipt', [HASH])).toBeNull();
    // A refusal of the node's own (here "no such method") is passed on without the node's words.
    expect(await outcome(h.call('eth_getStorageAt', [TOKEN, '0x0', 'latest']))).toEqual({
      code: -32603,
      message: 'The node refused the request.',
      data: undefined,
    });
    expect(await h.call('eth_feeHistory', ['0x4', 'latest', [25, 75]])).toEqual(NODE.eth_feeHistory);
    const forwarded = server.received
      .flatMap((body) => (Array.isArray(body) ? body : [body]) as JsonRpcCall[])
      .find((c) => c.method === 'eth_call');
    // Fields the wallet does not know are dropped on the way.
    expect(forwarded?.params).toEqual([{ to: TOKEN, data: '0x313ce567' }, 'latest']);
  });

  it('refuses malformed params with -32602 before anything is sent', async () => {
    const h = await connected();
    const before = server.received.length;
    for (const [method, params] of [
      ['eth_call', [{ to: 'nope' }]],
      ['eth_getBalance', [TOKEN]],
      ['eth_getTransactionReceipt', ['0x12']],
      ['eth_getBlockByNumber', ['latest']],
      ['eth_feeHistory', [5000, 'latest']],
      ['eth_blockNumber', ['extra']],
    ] as const) {
      expect(await outcome(h.call(method, params))).toMatchObject({ code: -32602 });
    }
    expect(server.received.length).toBe(before);
  });

  it('bounds eth_getLogs to 10,000 blocks, counting tags against the head', async () => {
    const h = await connected();
    expect(
      await h.call('eth_getLogs', [{ fromBlock: '0xfd8f1', toBlock: 'latest', address: TOKEN }]),
    ).toEqual([]);
    for (const filter of [
      { fromBlock: 'earliest', toBlock: 'latest' },
      { fromBlock: '0x0' },
      { fromBlock: '0x10', toBlock: '0x1' },
      { blockHash: HASH, fromBlock: '0x1' },
    ]) {
      expect(await outcome(h.call('eth_getLogs', [filter]))).toMatchObject({ code: -32602 });
    }
    expect(await h.call('eth_getLogs', [{ blockHash: HASH }])).toEqual([]);
    expect(sentMethods().filter((m) => m === 'eth_getLogs')).toHaveLength(2);
  });

  it("passes a revert's code and data on, and not the node's words", async () => {
    const revertData = '0x08c379a0' + '00'.repeat(32);
    server = await scriptedRpcServer((body) => {
      const calls = (Array.isArray(body) ? body : [body]) as JsonRpcCall[];
      const json = calls.map((call) =>
        call.method === 'eth_call'
          ? {
              jsonrpc: '2.0',
              id: call.id,
              error: { code: 3, message: 'execution reverted at secret-host', data: revertData },
            }
          : { jsonrpc: '2.0', id: call.id, result: '0x1' },
      );
      return { json: Array.isArray(body) ? json : json[0] };
    });
    const h = await withNode();
    expect(await outcome(h.call('eth_call', [{ to: TOKEN }]))).toEqual({
      code: 3,
      message: 'execution reverted',
      data: revertData,
    });
  });

  it('refuses an answer too large for one bridge message, and a chain that is off', async () => {
    const h = await connected({ ...NODE, eth_getLogs: [{ data: '0x' + 'ab'.repeat(150_000) }] });
    expect(await outcome(h.call('eth_getLogs', [{ fromBlock: 'latest' }]))).toMatchObject({ code: -32005 });
    h.state.enabled.delete(1);
    expect(await outcome(h.call('eth_blockNumber'))).toMatchObject({ code: 4901 });
  });

  it('a node that is down is 4901, not its error text', async () => {
    let down = false;
    server = await scriptedRpcServer((body) =>
      down ? { status: 503, text: 'down at secret-host' } : answer(body, NODE),
    );
    const h = await withNode();
    expect(await h.call('eth_blockNumber')).toBe('0x100000');
    down = true;
    const result = await outcome(h.call('eth_getBalance', [TOKEN, 'latest']));
    expect(result).toEqual({
      code: 4901,
      message: 'The wallet could not reach Ethereum now; try again.',
      data: undefined,
    });
  });
});
