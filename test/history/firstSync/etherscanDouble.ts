/**
 * # Etherscan v2 double
 *
 * One loopback HTTP server (127.0.0.1, a free port) that answers Etherscan's multichain API for the
 * heavy account dataset, with Etherscan's free-tier limits. `url` is the API's URL,
 * `http://127.0.0.1:<port>/v2/api`, to pass as EtherscanProvider's `url`.
 *
 * Serves `GET /v2/api?chainid=&module=account&action=&address=&startblock=&endblock=&page=&offset=&sort=
 * &apikey=` for the actions txlist, txlistinternal, tokentx, tokennfttx and token1155tx, over every chain of
 * the dataset (one server for all chains, as v2 is one key across chains: the rate limit is shared). Rows
 * carry Etherscan's field names and string encodings (see explorerRows.ts), sorted by block ascending
 * (`sort=desc` reverses), filtered to startblock ≤ blockNumber ≤ endblock (both inclusive; defaults 0 and
 * the head), and paged: page N of size `offset` is rows [(N-1)·offset, N·offset). Token rows have no
 * logIndex, as Etherscan's have not.
 *
 * Answers, always HTTP 200 with `{status, message, result}`:
 * - rows: `"1"`, `"OK"`, the rows;
 * - no rows (or a page past the end): `"0"`, `"No transactions found"`, `[]`;
 * - over `perSecond` requests (a token bucket with a burst of `perSecond`): `"0"`, `"NOTOK"`,
 *   `"Max calls per sec rate limit reached (5/sec)"`; refused requests are counted in `requests()` and
 *   `refused()`, and spend no token;
 * - offset > maxOffset or page × offset > maxOffset: `"0"`, `"NOTOK"`, `"Result window is too large, PageNo x
 *   Offset size must be less than or equal to 10000"`;
 * - no apikey: `"Missing/Invalid API Key"`; an unknown chainid: `"Missing or unsupported chainid
 *   parameter (required for v2 api) …"`; another module or action: `"Error! Missing Or invalid Module
 *   name"` / `"…Action name"`; a malformed address or number: `"Error! Invalid address format"` /
 *   `"Error! Invalid … parameter"`.
 * Any other path or method is HTTP 404.
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { HeavyAccountDataset, HeavyChain } from './heavyAccount';
import { ETHERSCAN_ACTIONS, type EtherscanAction, type EtherscanRow, explorerRows } from './explorerRows';
import { TokenBucket } from './tokenBucket';
import { toChecksumAddress } from '../../../src/main/store/address';

export interface EtherscanDoubleOptions {
  dataset: HeavyAccountDataset;
  /** Requests a second, shared by every chain (Etherscan's free tier: 5). */
  perSecond?: number;
  /** The most rows one query may page through, page × offset (Etherscan: 10,000). */
  maxOffset?: number;
  /** The rate limit's clock, in milliseconds; tests hold it still. */
  now?: () => number;
}

export interface EtherscanDouble {
  /** The API's URL, e.g. http://127.0.0.1:41234/v2/api. */
  url: string;
  /** Every request received, refused ones included. */
  requests(): number;
  /** Requests refused by the rate limit. */
  refused(): number;
  /** Requests per action (as asked, refused ones included). */
  byAction(): Record<string, number>;
  /** Requests per `chainid` (as asked, refused ones included). */
  byChain(): Record<string, number>;
  close(): Promise<void>;
}

interface Answer {
  status: '0' | '1';
  message: string;
  result: EtherscanRow[] | string;
}

const notOk = (result: string): Answer => ({ status: '0', message: 'NOTOK', result });
const INTEGER = /^\d{1,16}$/;

function query(dataset: HeavyAccountDataset, params: URLSearchParams, maxOffset: number): Answer {
  if (!params.get('apikey')) return notOk('Missing/Invalid API Key');
  const chain = dataset.chains.find((candidate) => String(candidate.chainId) === params.get('chainid'));
  if (!chain) {
    return notOk(
      'Missing or unsupported chainid parameter (required for v2 api), please see https://api.etherscan.io/v2/chainlist for the list of supported chainids',
    );
  }
  if (params.get('module') !== 'account') return notOk('Error! Missing Or invalid Module name');
  const action = params.get('action') as EtherscanAction;
  if (!ETHERSCAN_ACTIONS.includes(action)) return notOk('Error! Missing Or invalid Action name');
  const address = params.get('address') ?? '';
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return notOk('Error! Invalid address format');
  const number = (name: string, fallback: number) => {
    const text = params.get(name) ?? String(fallback);
    return INTEGER.test(text) ? Number(text) : null;
  };
  const startblock = number('startblock', 0);
  // Etherscan's examples send 99999999, but an absent endblock means the head (OP Mainnet is past 10^8).
  const endblock = number('endblock', Number.MAX_SAFE_INTEGER);
  const page = number('page', 1);
  const offset = number('offset', maxOffset);
  if (startblock === null) return notOk('Error! Invalid startblock parameter');
  if (endblock === null) return notOk('Error! Invalid endblock parameter');
  if (page === null || offset === null) return notOk('Error! Invalid page or offset parameter');
  if (offset > maxOffset || page * offset > maxOffset) {
    return notOk('Result window is too large, PageNo x Offset size must be less than or equal to 10000');
  }
  const rows = listed(chain, address, action, startblock, endblock, params.get('sort') === 'desc');
  // Etherscan reads page 0 and offset 0 as their defaults.
  const size = offset || maxOffset;
  const first = (Math.max(1, page) - 1) * size;
  const result = rows.slice(first, first + size);
  if (result.length === 0) return { status: '0', message: 'No transactions found', result: [] };
  return { status: '1', message: 'OK', result };
}

function listed(
  chain: HeavyChain,
  address: string,
  action: EtherscanAction,
  start: number,
  end: number,
  descending: boolean,
): EtherscanRow[] {
  const all = explorerRows(chain, toChecksumAddress(address.toLowerCase()), action);
  const rows = all.filter((row) => {
    const block = Number(row.blockNumber);
    return block >= start && block <= end;
  });
  return descending ? rows.reverse() : rows;
}

function reply(response: ServerResponse, answer: Answer): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer));
}

export async function startEtherscanDouble({
  dataset,
  perSecond = 5,
  maxOffset = 10_000,
  now,
}: EtherscanDoubleOptions): Promise<EtherscanDouble> {
  const bucket = new TokenBucket(perSecond, now);
  let requests = 0;
  let refused = 0;
  const actions: Record<string, number> = {};
  const chains: Record<string, number> = {};
  const server = createServer((incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (incoming.method !== 'GET' || url.pathname !== '/v2/api') {
      response.writeHead(404).end();
      return;
    }
    requests++;
    const action = url.searchParams.get('action') ?? '';
    const chainId = url.searchParams.get('chainid') ?? '';
    actions[action] = (actions[action] ?? 0) + 1;
    chains[chainId] = (chains[chainId] ?? 0) + 1;
    if (!bucket.take()) {
      refused++;
      reply(response, notOk(`Max calls per sec rate limit reached (${perSecond}/sec)`));
      return;
    }
    reply(response, query(dataset, url.searchParams, maxOffset));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v2/api`,
    requests: () => requests,
    refused: () => refused,
    byAction: () => ({ ...actions }),
    byChain: () => ({ ...chains }),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
