import { once } from 'node:events';
import { createServer } from 'node:http';

/**
 * A local stand-in for an Etherscan-compatible explorer API (Etherscan v2, Blockscout's `/api`), answering in
 * the formats their documentation shows, so the providers are tested against the wire format rather than
 * against themselves.
 */
export interface ExplorerRequest {
  path: string;
  params: Record<string, string>;
}

export interface ExplorerReply {
  status?: number;
  body: unknown;
}

export type Responder = (request: ExplorerRequest) => ExplorerReply;

export interface ProviderServer {
  /** The origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  readonly requests: ExplorerRequest[];
  close(): Promise<void>;
}

export async function startProviderServer(respond: Responder): Promise<ProviderServer> {
  const requests: ExplorerRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request = { path: url.pathname, params: Object.fromEntries(url.searchParams) };
    requests.push(request);
    const reply = respond(request);
    outgoing.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify(reply.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export const ok = (result: unknown[]): ExplorerReply => ({ body: { status: '1', message: 'OK', result } });
export const noTransactions: ExplorerReply = {
  body: { status: '0', message: 'No transactions found', result: [] },
};
export const rateLimited: ExplorerReply = {
  body: { status: '0', message: 'NOTOK', result: 'Max rate limit reached' },
};
export const invalidKey: ExplorerReply = {
  body: { status: '0', message: 'NOTOK', result: 'Invalid API Key (#err2)|7' },
};

export interface Transfer {
  hash: string;
  blockNumber: number;
  from?: string;
  to?: string;
}

const hex = (seed: string, bytes: number) =>
  `0x${Buffer.from(seed)
    .toString('hex')
    .padEnd(bytes * 2, '0')
    .slice(0, bytes * 2)}`;

/** A `txlist` entry with every field Etherscan documents. */
export function txlistEntry({ hash, blockNumber, from, to }: Transfer): Record<string, string> {
  return {
    blockNumber: String(blockNumber),
    timeStamp: String(1_700_000_000 + blockNumber * 12),
    hash,
    nonce: '7',
    blockHash: hex(`block ${blockNumber}`, 32),
    transactionIndex: '3',
    from: from ?? hex('from', 20),
    to: to ?? hex('to', 20),
    value: '1000000000000000',
    gas: '21000',
    gasPrice: '1500000000',
    isError: '0',
    txreceipt_status: '1',
    input: '0x',
    contractAddress: '',
    cumulativeGasUsed: '900000',
    gasUsed: '21000',
    confirmations: '100',
    methodId: '0x',
    functionName: '',
  };
}

/** A `tokentx` entry (ERC-20), as Etherscan documents it. */
export function tokentxEntry(transfer: Transfer): Record<string, string> {
  const {
    isError: _,
    txreceipt_status: __,
    methodId: ___,
    functionName: ____,
    ...common
  } = txlistEntry(transfer);
  return {
    ...common,
    contractAddress: hex('token', 20),
    value: '5000000',
    tokenName: 'Test Dollar',
    tokenSymbol: 'TUSD',
    tokenDecimal: '6',
  };
}

/** A `tokennfttx` (ERC-721) or `token1155tx` entry. */
export function nftEntry(transfer: Transfer, standard: 'erc721' | 'erc1155'): Record<string, string> {
  const { tokenDecimal: _, value: __, ...token } = tokentxEntry(transfer);
  return standard === 'erc721'
    ? { ...token, tokenID: '42', tokenDecimal: '0' }
    : { ...token, tokenID: '42', tokenValue: '3' };
}

/**
 * A `txlistinternal` entry. Etherscan names the parent transaction `hash`; Blockscout names it
 * `transactionHash` and adds `index` and `callType`.
 */
export function internalEntry(
  { hash, blockNumber, from, to }: Transfer,
  flavour: 'etherscan' | 'blockscout',
): Record<string, string> {
  const common = {
    blockNumber: String(blockNumber),
    timeStamp: String(1_700_000_000 + blockNumber * 12),
    from: from ?? hex('contract', 20),
    to: to ?? hex('to', 20),
    value: '2000000000000000',
    contractAddress: '',
    input: '',
    type: 'call',
    gas: '2300',
    gasUsed: '0',
    isError: '0',
    errCode: '',
  };
  return flavour === 'etherscan'
    ? { ...common, hash, traceId: '0' }
    : { ...common, transactionHash: hash, index: '0', callType: 'call' };
}

/**
 * Answers `module=account` lists from a fixed set of entries per action, as the explorers do: within
 * startblock..endblock, in block order, `offset` per `page`, and refusing pages past the result window.
 */
export function accountLists(
  lists: Partial<Record<string, Record<string, string>[]>>,
  resultWindow = 10_000,
): Responder {
  return ({ params }) => {
    const { action = '', startblock = '0', endblock = '99999999', page = '1', offset = '10000' } = params;
    if (Number(page) * Number(offset) > resultWindow) {
      return {
        body: {
          status: '0',
          message: 'NOTOK',
          result: `Result window is too large, PageNo x Offset size must be less than or equal to ${resultWindow}`,
        },
      };
    }
    const entries = (lists[action] ?? [])
      .filter((entry) => Number(entry.blockNumber) >= Number(startblock))
      .filter((entry) => Number(entry.blockNumber) <= Number(endblock))
      .sort((a, b) => Number(a.blockNumber) - Number(b.blockNumber));
    const slice = entries.slice((Number(page) - 1) * Number(offset), Number(page) * Number(offset));
    return slice.length > 0 ? ok(slice) : noTransactions;
  };
}
