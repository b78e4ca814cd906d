import { describe, expect, it } from 'vitest';
import { rpc } from './jsonRpc';
import { batchBody, splitBatch } from './rpcBatch';

const ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('splitBatch', () => {
  it('keeps every request, in order, within the call limit', () => {
    const requests = Array.from({ length: 7 }, () => rpc.blockNumber());
    const groups = splitBatch(requests, { maxBatchCalls: 3, maxBatchBytes: 1_000_000 });
    expect(groups.map((group) => group.map((item) => item.index))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('starts a new POST before the bytes limit is passed, and sends an oversized call alone', () => {
    const small = rpc.getBalance(ADDRESS, 'latest');
    const large = rpc.call(ADDRESS, `0x${'00'.repeat(500)}`, 'latest');
    const groups = splitBatch([small, small, large, small], { maxBatchCalls: 100, maxBatchBytes: 300 });
    expect(groups.map((group) => group.map((item) => item.index))).toEqual([[0, 1], [2], [3]]);
    expect(groups[1]?.[0]).toEqual({ index: 2, method: 'eth_call', json: JSON.stringify(large.params) });
  });

  it('has nothing to send for no requests', () => {
    expect(splitBatch([], { maxBatchCalls: 1, maxBatchBytes: 1 })).toEqual([]);
  });
});

describe('batchBody', () => {
  it('sends one call bare and several as an array, each with its id', () => {
    const [group] = splitBatch([rpc.chainId(), rpc.blockNumber()], { maxBatchCalls: 10, maxBatchBytes: 1e6 });
    const items = group ?? [];
    expect(JSON.parse(batchBody(items.slice(0, 1), [7]))).toEqual({
      jsonrpc: '2.0',
      id: 7,
      method: 'eth_chainId',
      params: [],
    });
    expect(JSON.parse(batchBody(items, [1, 2]))).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] },
      { jsonrpc: '2.0', id: 2, method: 'eth_blockNumber', params: [] },
    ]);
  });
});
