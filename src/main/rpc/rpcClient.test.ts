import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  answer,
  type JsonRpcCall,
  type Reply,
  refusedUrl,
  type ScriptedRpcServer,
  scriptedRpcServer,
} from '../../../test/anvil/scriptedRpcServer';
import { rpc, type RpcRequest } from './jsonRpc';
import { RpcClient, type RpcClientOptions, type RpcExchange } from './rpcClient';
import { RpcError } from './rpcError';

const CHAIN = { chainId: 8453, chainName: 'Base' };
const BASE_ANSWERS = { eth_chainId: '0x2105', eth_blockNumber: '0x10', eth_call: '0xabcd' };

const servers: ScriptedRpcServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(script: (body: unknown, index: number) => Reply | Promise<Reply>) {
  const started = await scriptedRpcServer(script);
  servers.push(started);
  return started;
}

/** Answers eth_call with the block it was asked about, as one byte of data. */
const echoBlock = (call: JsonRpcCall) => `0x${(call.params[1] as string).slice(2).padStart(2, '0')}`;

const node = (results: Parameters<typeof answer>[1] = BASE_ANSWERS) =>
  server((body) => answer(body, results));

interface Harness {
  client: RpcClient;
  exchanges: RpcExchange[];
  delays: number[];
  warnings: Record<string, unknown>[];
}

function client(urls: string[], options: Partial<RpcClientOptions> = {}): Harness {
  const exchanges: RpcExchange[] = [];
  const delays: number[] = [];
  const warnings: Record<string, unknown>[] = [];
  const created = new RpcClient({
    ...CHAIN,
    urls,
    timeoutMs: 1_000,
    random: () => 0.5,
    sleep: async (ms) => void delays.push(ms),
    onExchange: (exchange) => exchanges.push(exchange),
    log: { info: () => {}, error: () => {}, warn: (_, fields = {}) => warnings.push(fields) },
    ...options,
  });
  return { client: created, exchanges, delays, warnings };
}

const methods = (received: unknown[]) =>
  received.map((body) => (Array.isArray(body) ? body : [body]).map((call: JsonRpcCall) => call.method));

async function failure(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

describe('RpcClient', () => {
  it('checks the chain id in the same POST as the first reads, then batches reads without it', async () => {
    const base = await node();
    const { client: c, exchanges } = client([base.url]);

    expect(await c.sendBatch([rpc.blockNumber(), rpc.call('0x01', '0x', 16n)])).toEqual([16n, '0xabcd']);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(methods(base.received)).toEqual([
      ['eth_chainId', 'eth_blockNumber', 'eth_call'],
      ['eth_blockNumber'],
    ]);
    // A lone call goes as a plain object, not a batch of one.
    expect(Array.isArray(base.received[1])).toBe(false);
    expect(exchanges.map((e) => [e.calls, e.outcome])).toEqual([
      [3, 'ok'],
      [1, 'ok'],
    ]);
    expect(exchanges[0]?.requestBytes).toBe(Buffer.byteLength(JSON.stringify(base.received[0])));
  });

  it('pairs answers by id when a node answers a batch out of order', async () => {
    const base = await server((body) => {
      const { json } = answer(body, { ...BASE_ANSWERS, eth_call: echoBlock });
      return { json: (json as unknown[]).toReversed() };
    });
    const { client: c } = client([base.url]);
    const calls = [1n, 2n, 3n].map((block) => rpc.call('0x01', '0x', block));
    expect(await c.sendBatch(calls)).toEqual(['0x01', '0x02', '0x03']);
  });

  it('splits a batch that is too large for one POST, keeping the order of results', async () => {
    const base = await node({ ...BASE_ANSWERS, eth_call: echoBlock });
    const { client: c } = client([base.url], { maxBatchCalls: 3, maxBatchBytes: 10_000 });
    await c.send(rpc.chainId());
    base.received.length = 0;

    const blocks = Array.from({ length: 8 }, (_, i) => BigInt(i));
    const results = await c.sendBatch(blocks.map((block) => rpc.call('0x01', '0x', block)));
    expect(results).toEqual(blocks.map((block) => `0x0${block}`));
    expect(methods(base.received).map((post) => post.length)).toEqual([3, 3, 2]);

    base.received.length = 0;
    const { client: bySize } = client([base.url], { maxBatchBytes: 600 });
    await bySize.sendBatch(blocks.map((block) => rpc.call('0x01', `0x${'00'.repeat(100)}`, block)));
    expect(base.received.length).toBeGreaterThan(2);
  });

  /** One error object for the whole batch (Alchemy, Infura), or geth's array of one, with the first call's id. */
  const refusal = (shape: 'object' | 'geth', message: string) => (body: JsonRpcCall[]) => {
    const error = { code: -32600, message };
    return shape === 'object'
      ? { json: { jsonrpc: '2.0', id: null, error } }
      : { json: [{ jsonrpc: '2.0', id: body[0]?.id, error }] };
  };
  it.each<[string, 'object' | 'geth', string, number[]]>([
    ['states its limit', 'object', 'batch size too large, max 3', [9, 1, 3, 3, 2]],
    ['does not say its limit', 'object', 'batch too large', [9, 1, 4, 4]],
    ['answers in geth’s shape, an array of one error', 'geth', 'batch too large', [9, 1, 4, 4]],
  ])(
    'splits a batch an endpoint refuses as too large when it %s, and remembers the size',
    async (_, shape, message, firstPosts) => {
      const refusing = await server((body) =>
        Array.isArray(body) && body.length > 4
          ? refusal(shape, message)(body as JsonRpcCall[])
          : answer(body, { ...BASE_ANSWERS, eth_call: echoBlock }),
      );
      const { client: c, warnings } = client([refusing.url]);
      const blocks = Array.from({ length: 8 }, (_, i) => BigInt(i));
      const calls = blocks.map((block) => rpc.call('0x01', '0x', block));
      expect(await c.sendBatch(calls)).toEqual(blocks.map((block) => `0x0${block}`));
      expect(methods(refusing.received).map((post) => post.length)).toEqual(firstPosts);
      const size = message.includes('max') ? 3 : 4;
      expect(warnings[0]).toMatchObject({ host: refusing.host, maxBatchCalls: size });

      refusing.received.length = 0;
      expect(await c.sendBatch(calls)).toEqual(blocks.map((block) => `0x0${block}`));
      expect(methods(refusing.received).map((post) => post.length)).toEqual(size === 3 ? [3, 3, 2] : [4, 4]);
    },
  );

  it('retries a request an endpoint refused as one too many, and paces the ones after it', async () => {
    let posts = 0;
    const limited = await server((body) =>
      ++posts === 3 ? { status: 429, text: 'slow down' } : answer(body, BASE_ANSWERS),
    );
    const { client: c, delays } = client([limited.url]);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    // One back-off for the retry, and the pacer's wait: it learned 2 a second (3 sent in that second × 0.8).
    // The next request waits for its turn too.
    expect(delays).toHaveLength(2);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(delays.length).toBeGreaterThan(2);
    expect(posts).toBe(5);
  });

  it('refuses an endpoint that serves another chain, uses nothing it sent, and fails over', async () => {
    const ethereum = await node({ ...BASE_ANSWERS, eth_chainId: '0x1', eth_blockNumber: '0x999' });
    const base = await node();
    const { client: c, warnings } = client([ethereum.url, base.url]);

    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(methods(ethereum.received)).toEqual([['eth_chainId', 'eth_blockNumber']]);
    expect(c.endpoint).toBe(base.host);
    expect(warnings).toContainEqual({ chainId: 8453, host: ethereum.host, servedChainId: '1' });
  });

  it('says clearly when every endpoint serves another chain', async () => {
    const ethereum = await node({ ...BASE_ANSWERS, eth_chainId: '0x1' });
    const { client: c } = client([ethereum.url]);
    const error = await failure(c.send(rpc.blockNumber()));
    expect(error.code).toBe('chain_mismatch');
    expect(error.message).toBe(
      `No RPC endpoint of Base can be used: ${ethereum.host} serves chain 1, not Base (8453). Nothing they sent was used.`,
    );
    // Refused for good: no second POST.
    await failure(c.send(rpc.blockNumber()));
    expect(ethereum.received).toHaveLength(1);
  });

  it('checks the chain on its own before anything that is not a read', async () => {
    const base = await node({ ...BASE_ANSWERS, eth_sendRawTransaction: '0x' + 'ab'.repeat(32) });
    const { client: c } = client([base.url]);
    const send: RpcRequest<string> = {
      method: 'eth_sendRawTransaction',
      params: ['0x00'],
      result: z.string(),
    };
    await c.send(send);
    expect(methods(base.received)).toEqual([['eth_chainId'], ['eth_sendRawTransaction']]);
  });

  const wrongIds = (body: unknown) => ({
    json: (body as JsonRpcCall[]).map((call) => ({ jsonrpc: '2.0', id: call.id + 1000, result: '0x1' })),
  });
  it.each<[string, (body: unknown) => Reply, string, RegExp]>([
    [
      'a 429',
      () => ({ status: 429, text: 'slow down' }),
      'rate_limited',
      /is rate limiting requests \(HTTP 429\)/,
    ],
    ['a 503', () => ({ status: 503, text: 'down' }), 'http', /answered HTTP 503/],
    ['silence', () => ({ hang: true }), 'timeout', /did not answer within 200 ms/],
    ['text that is not JSON', () => ({ text: '<html>' }), 'bad_response', /not JSON/],
    ['answers to other ids', wrongIds, 'bad_response', /call \d+ was not answered/],
    [
      'an array of one error that refuses nothing for its size',
      (body) => ({
        json: [
          { jsonrpc: '2.0', id: (body as JsonRpcCall[])[0]?.id, error: { code: -32600, message: 'invalid' } },
        ],
      }),
      'bad_response',
      /2 calls were answered with 1 responses/,
    ],
    [
      'a result of the wrong shape',
      (body) => answer(body, { ...BASE_ANSWERS, eth_blockNumber: 12 }),
      'bad_response',
      /sent a malformed eth_blockNumber result/,
    ],
    [
      'a rate-limit error in the body',
      () => ({ json: { jsonrpc: '2.0', id: null, error: { code: -32005, message: 'limit exceeded' } } }),
      'rate_limited',
      /limit exceeded \(code -32005\)/,
    ],
  ])('fails over to the next endpoint on %s', async (_, script, code, message) => {
    const broken = await server(script);
    const base = await node();
    const { client: c, exchanges, delays } = client([broken.url, base.url], { timeoutMs: 200 });

    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(exchanges.map((e) => [e.host, e.outcome])).toEqual([
      [broken.host, code],
      [base.host, 'ok'],
    ]);
    expect(delays).toHaveLength(1);
    // The failed endpoint is not tried first again.
    await c.send(rpc.blockNumber());
    expect(broken.received).toHaveLength(1);

    const { client: alone } = client([broken.url], { timeoutMs: 200, retry: { attempts: 1 } });
    const error = await failure(alone.send(rpc.blockNumber()));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(message);
    expect((error.cause as RpcError).code).toBe(code);
  });

  it('fails over when an endpoint cannot be reached, and never names more than its host', async () => {
    const dead = await refusedUrl();
    const base = await node();
    const { client: c, exchanges } = client([dead, base.url]);
    expect(await c.send(rpc.blockNumber())).toBe(16n);
    expect(exchanges[0]?.outcome).toBe('network');

    const { client: alone } = client([dead], { retry: { attempts: 3 } });
    const error = await failure(alone.send(rpc.blockNumber()));
    expect(error.message).toMatch(
      /No RPC endpoint of Base answered\. Last: 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\./,
    );
    expect(JSON.stringify({ message: error.message, host: error.host })).not.toMatch(/SECRET|key/);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    const dead = await refusedUrl();
    const { client: c, delays } = client([dead], {
      retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 },
      random: () => 1,
    });
    await failure(c.send(rpc.blockNumber()));
    expect(delays).toEqual([100, 200, 400, 500]);
  });

  it('does not retry a call the node refused: another endpoint would refuse it too', async () => {
    const reverting = await server((body) => {
      const calls = body as JsonRpcCall[];
      return {
        json: calls.map((call) =>
          call.method === 'eth_call'
            ? { jsonrpc: '2.0', id: call.id, error: { code: 3, message: 'execution reverted' } }
            : { jsonrpc: '2.0', id: call.id, result: '0x2105' },
        ),
      };
    });
    const base = await node();
    const { client: c } = client([reverting.url, base.url]);
    const error = await failure(c.send(rpc.call('0x01', '0x', 'latest')));
    expect(error).toMatchObject({ code: 'rpc', rpcCode: 3, host: reverting.host });
    expect(error.message).toBe(`${reverting.host} refused eth_call: execution reverted (code 3).`);
    expect(base.received).toHaveLength(0);
  });

  it('refuses an answer larger than the limit without buffering it all', async () => {
    const huge = await node({ ...BASE_ANSWERS, eth_call: `0x${'00'.repeat(100_000)}` });
    const { client: c } = client([huge.url], { maxResponseBytes: 50_000, retry: { attempts: 1 } });
    const error = await failure(c.sendBatch([rpc.call('0x01', '0x', 'latest')]));
    expect((error.cause as RpcError).message).toMatch(/larger than 50000 bytes/);
  });

  it('stops when its caller gives up', async () => {
    const silent = await server(() => ({ hang: true }));
    const { client: c } = client([silent.url], { timeoutMs: 10_000 });
    const abort = new AbortController();
    const pending = c.send(rpc.blockNumber(), abort.signal);
    setTimeout(() => abort.abort(), 50);
    expect((await failure(pending)).code).toBe('aborted');
  });
});
