import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedResponse, parseAnswers, READ_ONLY_METHODS, rpc } from './jsonRpc';

const ok = (id: unknown, result: unknown) => ({ jsonrpc: '2.0', id, result });
const failed = (id: unknown, code = -32000, message = 'nope') => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});

describe('parseAnswers', () => {
  it('pairs a batch answered in any order with the ids sent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 20 }), fc.nat(), (ids, seed) => {
        const answers = ids.map((id) => ok(id, `r${id}`));
        const shuffled = answers
          .map((a, i) => [((i + 1) * (seed + 7)) % 1009, a] as const)
          .sort(([a], [b]) => a - b);
        const parsed = parseAnswers(
          shuffled.map(([, a]) => a),
          ids,
          true,
        );
        return parsed.every((p, i) => p.ok && p.result === `r${ids[i]}`);
      }),
    );
  });

  it('keeps a null result and a per-call error apart', () => {
    expect(parseAnswers([ok(1, null), failed(2, 3, 'execution reverted')], [1, 2], true)).toEqual([
      { ok: true, result: null },
      { ok: false, error: { code: 3, message: 'execution reverted' } },
    ]);
  });

  it('accepts "error": null beside a result', () => {
    expect(parseAnswers({ ...ok(5, '0x1'), error: null }, [5], false)).toEqual([{ ok: true, result: '0x1' }]);
  });

  it('lets one error object answer a whole batch (a node refusing it)', () => {
    expect(parseAnswers(failed(null, -32005, 'limit'), [1, 2], true)).toEqual([
      { ok: false, error: { code: -32005, message: 'limit' } },
      { ok: false, error: { code: -32005, message: 'limit' } },
    ]);
  });

  it.each([
    [
      'a batch answered by one result',
      ok(1, '0x1'),
      [1, 2],
      true,
      /a batch was answered with a single result/,
    ],
    ['a call answered for another id', ok(9, '0x1'), [1], false, /another id/],
    ['a call answered with a batch', [ok(1, '0x1')], [1], false, /answered with a batch/],
    ['too few answers', [ok(1, '0x1')], [1, 2], true, /2 calls were answered with 1 responses/],
    ['an id answered twice', [ok(1, 'a'), ok(1, 'b')], [1, 2], true, /id 1 was answered twice/],
    ['an id not asked about', [ok(1, 'a'), ok(3, 'b')], [1, 2], true, /call 2 was not answered/],
    [
      'both result and error',
      [{ ...ok(1, 'a'), error: { code: 1, message: 'x' } }],
      [1],
      true,
      /exactly one/,
    ],
    ['neither result nor error', { jsonrpc: '2.0', id: 1 }, [1], false, /exactly one/],
    ['another protocol', { jsonrpc: '1.0', id: 1, result: 'a' }, [1], false, /not a JSON-RPC 2.0 object/],
    ['null', null, [1], false, /not a JSON-RPC 2.0 object/],
  ])('refuses %s', (_, body, ids, batched, message) => {
    expect(() => parseAnswers(body, ids, batched)).toThrow(MalformedResponse);
    expect(() => parseAnswers(body, ids, batched)).toThrow(message);
  });

  it('never fails on any JSON with anything but MalformedResponse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (body, batched) => {
        try {
          parseAnswers(body, batched ? [1, 2] : [1], batched);
          return true;
        } catch (error) {
          return error instanceof MalformedResponse;
        }
      }),
    );
  });
});

describe('rpc requests', () => {
  it('check their results', () => {
    expect(rpc.blockNumber().result.parse('0x1b4')).toBe(436n);
    expect(rpc.blockNumber().result.safeParse('0x').success).toBe(false);
    expect(rpc.blockNumber().result.safeParse(436).success).toBe(false);
    expect(rpc.call('0x01', '0x', 'latest').result.safeParse('0xabc').success).toBe(false);
    expect(rpc.call('0x01', '0x', 'latest').result.parse('0x')).toBe('0x');
  });

  it('name blocks as quantities', () => {
    expect(rpc.call('0x01', '0x12', 255n).params).toEqual([{ to: '0x01', data: '0x12' }, '0xff']);
    expect(rpc.getCode('0x01', 'latest').params).toEqual(['0x01', 'latest']);
  });
});

describe('fee requests', () => {
  it('ask for fee history in the formats nodes take, and keep a legacy answer without base fees', () => {
    const request = rpc.feeHistory(20, 'latest', [10, 50, 90]);
    expect(request.params).toEqual(['0x14', 'latest', [10, 50, 90]]);
    expect(
      request.result.parse({
        oldestBlock: '0x10',
        baseFeePerGas: ['0x3b9aca00', '0x3b9aca01'],
        gasUsedRatio: [0.5],
        reward: [['0x1', '0x2', '0x3']],
      }),
    ).toEqual({
      oldestBlock: 16n,
      baseFeePerGas: [1_000_000_000n, 1_000_000_001n],
      gasUsedRatio: [0.5],
      reward: [[1n, 2n, 3n]],
    });
    expect(request.result.parse({ oldestBlock: '0x1', gasUsedRatio: [] })).toEqual({
      oldestBlock: 1n,
      gasUsedRatio: [],
    });
    expect(request.result.safeParse({ oldestBlock: '0x1', gasUsedRatio: [-1] }).success).toBe(false);
  });

  it('send the value of a gas estimate as a quantity', () => {
    const call = { from: '0x01', to: '0x02', value: 255n, data: '0x' };
    expect(rpc.estimateGas(call).params).toEqual([{ from: '0x01', to: '0x02', value: '0xff', data: '0x' }]);
    expect(rpc.gasPrice().result.parse('0x5')).toBe(5n);
  });

  it('are all reads, so they may share a POST with the chain check', () => {
    for (const request of [
      rpc.feeHistory(1, 'latest', []),
      rpc.gasPrice(),
      rpc.estimateGas({ from: '0x01', to: '0x02', value: 0n, data: '0x' }),
    ]) {
      expect(READ_ONLY_METHODS.has(request.method)).toBe(true);
    }
  });
});

describe('history requests', () => {
  const HASH = `0x${'Ab'.repeat(32)}`;
  const ADDRESS = `0x${'cD'.repeat(20)}`;
  const log = { address: ADDRESS, topics: [HASH], data: '0x', logIndex: '0x1' };

  it('lowercase hashes and topics, and keep what a receipt may leave out optional', () => {
    const receipt = rpc.getTransactionReceipt(HASH).result.parse({
      transactionHash: HASH,
      blockHash: HASH,
      blockNumber: '0x2',
      gasUsed: '0x5208',
      contractAddress: null,
      logs: [log],
      root: HASH,
    });
    expect(receipt).toEqual({
      transactionHash: HASH.toLowerCase(),
      blockHash: HASH.toLowerCase(),
      blockNumber: 2n,
      gasUsed: 21_000n,
      contractAddress: null,
      logs: [{ ...log, topics: [HASH.toLowerCase()], logIndex: 1n }],
    });
    expect(rpc.getTransactionByHash(HASH).result.parse(null)).toBeNull();
    // A transaction still in the pool is known, with no block yet: not a malformed answer.
    const pooled = { hash: HASH, from: ADDRESS, to: null, value: '0x0', input: '0x', nonce: '0x3' };
    const inPool = { ...pooled, blockHash: null, blockNumber: null, transactionIndex: null };
    expect(rpc.getTransactionByHash(HASH).result.parse(inPool)).toMatchObject({ blockHash: null, nonce: 3n });
    const mined = { ...pooled, blockHash: HASH, blockNumber: '0x2', transactionIndex: '0x0' };
    expect(rpc.getTransactionByHash(HASH).result.parse(mined)).toMatchObject({ blockNumber: 2n });
    expect(rpc.getTransactionByHash(HASH).result.safeParse({ ...mined, blockNumber: null }).success).toBe(
      false,
    );
    expect(rpc.getTransactionReceipt(HASH).result.safeParse({ transactionHash: 'nope' }).success).toBe(false);
  });

  it('ask for a block header without its transactions, and refuse a missing block', () => {
    const request = rpc.getBlockByNumber(16n);
    expect(request.params).toEqual(['0x10', false]);
    expect(request.result.parse({ hash: HASH, number: '0x10', timestamp: '0x64', extra: 1 })).toEqual({
      hash: HASH.toLowerCase(),
      number: 16n,
      timestamp: 100n,
    });
    expect(request.result.safeParse(null).success).toBe(false);
  });

  it('send log filters and Otterscan searches in the formats nodes take', () => {
    const filter = { fromBlock: 1n, toBlock: 255n, topics: [[HASH], null, HASH] };
    expect(rpc.getLogs(filter).params).toEqual([
      { fromBlock: '0x1', toBlock: '0xff', topics: [[HASH], null, HASH] },
    ]);
    expect(rpc.otsSearchTransactionsAfter(ADDRESS, 9, 25).params).toEqual([ADDRESS, 9, 25]);
    expect(
      rpc.otsSearchTransactionsAfter(ADDRESS, 9, 25).result.parse({
        txs: [],
        receipts: [],
        firstPage: true,
        lastPage: false,
      }),
    ).toEqual({ txs: [], receipts: [], firstPage: true, lastPage: false });
    expect(rpc.otsGetApiLevel().result.parse(8)).toBe(8);
  });

  it('are all reads, so they may share a POST with the chain check', () => {
    for (const request of [
      rpc.getTransactionByHash(HASH),
      rpc.getTransactionReceipt(HASH),
      rpc.getBlockByNumber('latest'),
      rpc.getLogs({ fromBlock: 0n, toBlock: 1n, topics: [] }),
      rpc.otsGetApiLevel(),
      rpc.otsSearchTransactionsAfter(ADDRESS, 0, 1),
    ]) {
      expect(READ_ONLY_METHODS.has(request.method)).toBe(true);
    }
  });
});
