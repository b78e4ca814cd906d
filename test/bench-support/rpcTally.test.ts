import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnvilNode, startAnvil } from '../anvil/anvil';
import { methodsOf, RpcTally } from './rpcTally';

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('RpcTally', () => {
  let node: AnvilNode;
  const tally = new RpcTally();
  beforeAll(async () => {
    node = await startAnvil(31_337);
  });
  afterAll(async () => {
    await tally.close();
    await node.stop();
  });

  it('passes POSTs through to the endpoint and counts them, batches by method, only while counting', async () => {
    const url = await tally.front(node.url);
    await post(url, { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
    tally.counting = true;
    const single = await post(url, { jsonrpc: '2.0', id: 2, method: 'eth_blockNumber', params: [] });
    expect(await single.json()).toMatchObject({ id: 2, result: expect.stringMatching(/^0x/) });
    const batch = await post(url, [
      { jsonrpc: '2.0', id: 3, method: 'eth_chainId', params: [] },
      { jsonrpc: '2.0', id: 4, method: 'eth_blockNumber', params: [] },
    ]);
    const answers = (await batch.json()) as { id: number; result: string }[];
    expect(answers.map((answer) => answer.id).sort()).toEqual([3, 4]);
    expect(answers.find((answer) => answer.id === 3)?.result).toBe('0x7a69');
    tally.counting = false;
    await post(url, { jsonrpc: '2.0', id: 5, method: 'eth_chainId', params: [] });

    const counts = tally.counts();
    expect(counts).toMatchObject({ posts: 2, calls: 3, byMethod: { eth_blockNumber: 2, eth_chainId: 1 } });
    expect(counts.requestBytes).toBeGreaterThan(100);
    expect(counts.responseBytes).toBeGreaterThan(50);
  });

  it('names what is not a JSON-RPC request instead of failing on it', () => {
    expect(methodsOf(Buffer.from('not json'))).toEqual(['(not JSON)']);
    expect(methodsOf(Buffer.from('[null, {"method": 7}]'))).toEqual(['(no method)', '(no method)']);
    expect(methodsOf(Buffer.from(JSON.stringify({ method: 'm'.repeat(500) })))[0]).toHaveLength(100);
  });
});
