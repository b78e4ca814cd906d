/**
 * # JSON-RPC node double
 *
 * One loopback HTTP server (127.0.0.1, a free port) per chain of the heavy account dataset, answering
 * JSON-RPC 2.0 over `POST /` (single calls and batches) with a hosted provider's limits. Pass `url` as the
 * chain's RPC URL.
 *
 * Serves, from the dataset: eth_chainId, net_version, eth_blockNumber (`headBlock`, movable with `setHead`),
 * eth_getBlockByNumber (any block up to the head, hash and time from heavyAccount's `blockHash` and
 * `blockTimestamp`; null past the head), eth_getTransactionByHash, eth_getTransactionReceipt (null for an
 * unknown hash), eth_getTransactionCount (the address's own transactions up to the block), eth_getBalance
 * (1 ETH for anyone), eth_getLogs (address and topic filters; more than 10,000 logs is Alchemy's "Log
 * response size exceeded" error, -32602). eth_call answers -32000 "execution reverted"; any other method
 * (ots_* too: this is no Otterscan node) -32601 "the method … does not exist/is not available", geth's
 * wording.
 *
 * Refuses, without answering any call of the request:
 * - over `perSecond` requests (a token bucket with a burst of `perSecond`; a batch is one request): HTTP 429,
 *   `{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate limit exceeded"}}`;
 * - a batch of more than `maxBatch` calls: HTTP 200 with geth's code and message (geth ≥ 1.13,
 *   `--rpc.batch-request-limit`) in the shape `batchRefusal` names: `'object'` (the default), one error
 *   object standing for the whole batch as Alchemy and Infura send it,
 *   `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}`; or `'geth'`, that
 *   error in a one-element array carrying the batch's first call's id, as geth and Erigon send it,
 *   `[{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"batch too large"}}]`;
 * - a body that is not JSON: `-32700 "parse error"`; an empty batch or a call without a method: `-32600`.
 *
 * Counts: `requests()` every POST, refused ones included; `calls()` the calls of the requests it served;
 * `refused()` the POSTs refused by either limit; `byMethod()` served calls per method.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { HeavyAccountDataset } from './heavyAccount';
import { answer, chainState, RpcMethodError } from './rpcAnswers';
import { TokenBucket } from './tokenBucket';

export interface RpcDoubleOptions {
  chainId: number;
  dataset: HeavyAccountDataset;
  /** The head to report; the dataset chain's own by default. */
  headBlock?: number;
  /** Calls one batch may carry (50). */
  maxBatch?: number;
  /** How a batch over `maxBatch` is refused: one error object (the default), or geth's array of one. */
  batchRefusal?: 'object' | 'geth';
  /** Requests a second (25). */
  perSecond?: number;
  /** The rate limit's clock, in milliseconds; tests hold it still. */
  now?: () => number;
}

export interface RpcDouble {
  url: string;
  requests(): number;
  calls(): number;
  refused(): number;
  byMethod(): Record<string, number>;
  /** Moves the head, e.g. back (a shorter chain) or on (new empty blocks). */
  setHead(block: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

interface Call {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

const failure = (id: unknown, code: number, message: string) => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: { code, message },
});

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(incoming: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRpcDouble({
  chainId,
  dataset,
  headBlock,
  maxBatch = 50,
  batchRefusal = 'object',
  perSecond = 25,
  now,
}: RpcDoubleOptions): Promise<RpcDouble> {
  const chain = dataset.chains.find((candidate) => candidate.chainId === chainId);
  if (!chain) throw new Error(`the dataset has no chain ${chainId}`);
  const state = chainState(chain);
  if (headBlock !== undefined) state.head = headBlock;
  const bucket = new TokenBucket(perSecond, now);
  const methods: Record<string, number> = {};
  let requests = 0;
  let calls = 0;
  let refused = 0;

  const serve = (call: Call) => {
    if (!call || typeof call !== 'object' || typeof call.method !== 'string' || call.jsonrpc !== '2.0')
      return failure(call?.id, -32600, 'invalid request');
    calls++;
    methods[call.method] = (methods[call.method] ?? 0) + 1;
    const params = Array.isArray(call.params) ? call.params : [];
    try {
      return { jsonrpc: '2.0', id: call.id ?? null, result: answer(state, call.method, params) };
    } catch (error) {
      if (!(error instanceof RpcMethodError)) throw error;
      return failure(call.id, error.code, error.message);
    }
  };

  const server = createServer((incoming, response) => {
    if (incoming.method !== 'POST') {
      send(response, 405, failure(null, -32600, 'only POST is served'));
      return;
    }
    requests++;
    if (!bucket.take()) {
      refused++;
      incoming.resume();
      send(response, 429, failure(null, -32005, 'rate limit exceeded'));
      return;
    }
    void readBody(incoming).then((text) => {
      if (text === null) {
        send(response, 413, failure(null, -32600, 'request too large'));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        send(response, 200, failure(null, -32700, 'parse error'));
        return;
      }
      if (!Array.isArray(body)) {
        send(response, 200, serve(body as Call));
        return;
      }
      if (body.length === 0) {
        send(response, 200, failure(null, -32600, 'empty batch'));
        return;
      }
      if (body.length > maxBatch) {
        refused++;
        const refusal = failure(
          batchRefusal === 'geth' ? (body[0] as Call | null)?.id : null,
          -32600,
          'batch too large',
        );
        send(response, 200, batchRefusal === 'geth' ? [refusal] : refusal);
        return;
      }
      send(
        response,
        200,
        body.map((call: Call) => serve(call)),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => requests,
    calls: () => calls,
    refused: () => refused,
    byMethod: () => ({ ...methods }),
    setHead: (block) => {
      state.head = block;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
