import { afterEach, describe, expect, it } from 'vitest';
import {
  BlockscoutProvider,
  EtherscanProvider,
  type ExplorerApiOptions,
} from '../../../src/main/history/providers/etherscanProvider';
import type { TransactionRef } from '../../../src/main/history/rawTransaction';
import { toChecksumAddress } from '../../../src/main/store/address';
import {
  accountLists,
  type ExplorerReply,
  internalEntry,
  invalidKey,
  nftEntry,
  noTransactions,
  ok,
  type ProviderServer,
  rateLimited,
  type Responder,
  startProviderServer,
  tokentxEntry,
  txlistEntry,
} from '../providerServer';

const ADDRESS = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const KEY = 'SECRETKEY1234567890';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const tx = (n: number, blockNumber: number) => ({ hash: hash(n), blockNumber });
/** Which transactions, in order: what else a ref carries is checked where it matters. */
const named = (refs: readonly TransactionRef[]) =>
  refs.map(({ hash, blockNumber }) => ({ hash, blockNumber }));

let server: ProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(respond: Responder): Promise<ProviderServer> {
  server = await startProviderServer(respond);
  return server;
}

/** Options with a virtual clock: waits are recorded, not spent. */
function options(extra: Partial<ExplorerApiOptions> = {}) {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    options: {
      chainId: 10,
      chainName: 'OP Mainnet',
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        now += ms;
      },
      random: () => 0,
      ...extra,
    } satisfies ExplorerApiOptions,
  };
}

const etherscan = (origin: string, extra: Partial<ExplorerApiOptions> = {}) =>
  new EtherscanProvider({ ...options(extra).options, apiKey: KEY, url: `${origin}/v2/api` });

describe('EtherscanProvider against a local Etherscan v2', () => {
  it('asks every account list with the chain, key, range and ascending order, and merges their hashes', async () => {
    const { requests, origin } = await serve(
      accountLists({
        txlist: [txlistEntry(tx(1, 100)), txlistEntry(tx(4, 180)), txlistEntry(tx(9, 999))],
        txlistinternal: [internalEntry(tx(2, 120), 'etherscan'), internalEntry(tx(4, 180), 'etherscan')],
        tokentx: [tokentxEntry(tx(3, 150)), tokentxEntry(tx(3, 150))],
        tokennfttx: [nftEntry(tx(5, 190), 'erc721')],
        token1155tx: [nftEntry(tx(6, 110), 'erc1155')],
      }),
    );
    const refs = await etherscan(origin).transactions(ADDRESS, { fromBlock: 100, toBlock: 200 });
    expect(named(refs)).toEqual([tx(1, 100), tx(6, 110), tx(2, 120), tx(3, 150), tx(4, 180), tx(5, 190)]);
    // A plain transfer's row is the whole transaction; what a token or internal list named needs the node.
    expect(refs.map((ref) => [Boolean(ref.full), Boolean(ref.known)])).toEqual([
      [true, false],
      [false, true],
      [false, true],
      [false, true],
      [true, false],
      [false, true],
    ]);
    expect(refs[0]?.full).toMatchObject({ status: 'success', value: 1_000_000_000_000_000n, logs: [] });
    expect(requests.map((r) => r.params.action).sort()).toEqual([
      'token1155tx',
      'tokennfttx',
      'tokentx',
      'txlist',
      'txlistinternal',
    ]);
    for (const { path, params } of requests) {
      expect(path).toBe('/v2/api');
      expect(params).toEqual({
        chainid: '10',
        apikey: KEY,
        module: 'account',
        action: params.action,
        address: ADDRESS,
        startblock: '100',
        endblock: '200',
        page: '1',
        offset: '10000',
        sort: 'asc',
      });
    }
  });

  it('pages through a long list, and past the result window restarts from the last block it saw', async () => {
    // Two per page and a window of four: pages 1-2, then on from block 40 (read twice), then from 60.
    const entries = [tx(1, 10), tx(2, 20), tx(3, 30), tx(4, 40), tx(5, 40), tx(6, 50), tx(7, 60)];
    const { requests, origin } = await serve(accountLists({ txlist: entries.map(txlistEntry) }, 4));
    const provider = etherscan(origin, { pageSize: 2, resultWindow: 4 });
    const refs = await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 100 });
    expect(named(refs)).toEqual(entries);
    const txlist = requests.filter((r) => r.params.action === 'txlist');
    expect(txlist.map((r) => [r.params.startblock, r.params.page])).toEqual([
      ['0', '1'],
      ['0', '2'],
      ['40', '1'],
      ['40', '2'],
      ['60', '1'],
    ]);
  });

  it('reads a block at the result window’s edge once, so its transfers are not doubled', async () => {
    const token = tokentxEntry(tx(4, 40)).contractAddress as string;
    const call = {
      ...txlistEntry(tx(4, 40)),
      to: token,
      input: `0xa9059cbb${'00'.repeat(64)}`,
      gasUsed: '46109',
    };
    const { origin } = await serve(
      accountLists(
        {
          txlist: [call],
          tokentx: [tx(1, 10), tx(2, 20), tx(3, 30), tx(4, 40), tx(5, 50)].map(tokentxEntry),
        },
        4,
      ),
    );
    const refs = await etherscan(origin, { pageSize: 2, resultWindow: 4 }).transactions(ADDRESS, {
      fromBlock: 0,
      toBlock: 100,
    });
    expect(named(refs)).toEqual([tx(1, 10), tx(2, 20), tx(3, 30), tx(4, 40), tx(5, 50)]);
    expect(refs[3]?.full?.logs).toHaveLength(1);
  });

  it('on a first sync, hands over the newest whole transactions from one small page before the full lists', async () => {
    const { requests, origin } = await serve(
      accountLists({
        txlist: [txlistEntry(tx(1, 10)), txlistEntry(tx(2, 20))],
        tokentx: [tokentxEntry(tx(3, 30))],
      }),
    );
    const early: string[][] = [];
    const onPartial = (refs: TransactionRef[]) => early.push(refs.map((ref) => ref.hash));
    const provider = etherscan(origin);
    await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 100 }, undefined, onPartial);
    expect(requests[0]?.params).toMatchObject({ action: 'txlist', sort: 'desc', offset: '100', page: '1' });
    expect(requests.slice(1).map((r) => [r.params.action, r.params.sort])).toEqual(
      ['txlist', 'txlistinternal', 'tokentx', 'tokennfttx', 'token1155tx'].map((action) => [action, 'asc']),
    );
    // Newest first from the preview, then the whole ones of the full txlist; never the token transfer.
    expect(early).toEqual([
      [hash(1), hash(2)],
      [hash(1), hash(2)],
    ]);

    // A later run reads on from its cursor: no preview.
    requests.length = 0;
    await provider.transactions(ADDRESS, { fromBlock: 101, toBlock: 200 }, undefined, onPartial);
    expect(requests.map((r) => r.params.sort)).toEqual(Array(5).fill('asc'));
  });

  it('reads "No transactions found" as an empty list', async () => {
    const { origin } = await serve(() => noTransactions);
    await expect(etherscan(origin).transactions(ADDRESS, { fromBlock: 0, toBlock: 10 })).resolves.toEqual([]);
  });

  it('backs off and retries when rate limited, then succeeds', async () => {
    let calls = 0;
    const { origin } = await serve(({ params }): ExplorerReply => {
      if (params.action !== 'txlist') return noTransactions;
      calls++;
      return calls <= 2 ? rateLimited : ok([txlistEntry(tx(1, 5))]);
    });
    const { options: opts, slept } = options({ perSecond: 100 });
    const provider = new EtherscanProvider({ ...opts, apiKey: KEY, url: `${origin}/v2/api` });
    expect(named(await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 10 }))).toEqual([tx(1, 5)]);
    expect(calls).toBe(3);
    // Equal jitter with random() = 0: half of 1 s, then half of 2 s.
    expect(slept).toEqual([500, 1000]);
  });

  it('spaces its requests to the rate limit', async () => {
    const { origin } = await serve(() => noTransactions);
    const { options: opts, slept } = options({ perSecond: 2 });
    const provider = new EtherscanProvider({ ...opts, apiKey: KEY, url: `${origin}/v2/api` });
    await provider.transactions(ADDRESS, { fromBlock: 0, toBlock: 10 });
    // Five lists: a burst of two, then one every 500 ms.
    expect(slept).toEqual([500, 500, 500]);
  });

  it('says clearly when the key is refused, without the key', async () => {
    const { origin } = await serve(() => ({
      body: { ...(invalidKey.body as object), result: `Invalid API Key ${KEY}` },
    }));
    const failure = await etherscan(origin)
      .transactions(ADDRESS, { fromBlock: 0, toBlock: 10 })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ProviderError', code: 'chain_unavailable', chainId: 10 });
    expect((failure as Error).message).toMatch(/Etherscan refused the API key.*Settings/);
    expect((failure as Error).message).not.toContain(KEY);
  });

  it('gives up with a ProviderError when the server keeps failing', async () => {
    const { origin, requests } = await serve(() => ({ status: 503, body: {} }));
    await expect(
      etherscan(origin, { retry: { attempts: 3 } }).transactions(ADDRESS, { fromBlock: 0, toBlock: 10 }),
    ).rejects.toMatchObject({ name: 'ProviderError', message: /Etherscan did not answer .*HTTP 503/ });
    expect(requests.map((r) => r.params.action)).toEqual(['txlist', 'txlist', 'txlist']);
  });

  it('refuses a list whose entries are not in the documented format', async () => {
    const { origin } = await serve(() => ok([{ blockNumber: '0x10', hash: 'nope' }]));
    await expect(
      etherscan(origin).transactions(ADDRESS, { fromBlock: 0, toBlock: 10 }),
    ).rejects.toMatchObject({
      name: 'ProviderError',
      message: /malformed/,
    });
  });
});

describe('BlockscoutProvider against a local Blockscout', () => {
  it('asks /api without a key or chain id, and reads internal transactions by transactionHash', async () => {
    const { requests, origin } = await serve(
      accountLists({
        txlist: [txlistEntry(tx(1, 7))],
        txlistinternal: [internalEntry(tx(2, 8), 'blockscout')],
      }),
    );
    const provider = new BlockscoutProvider({ ...options().options, instance: origin });
    const refs = await provider.transactions(ADDRESS, { fromBlock: 5, toBlock: 9 });
    expect(named(refs)).toEqual([tx(1, 7), tx(2, 8)]);
    expect(provider.name).toBe('blockscout');
    for (const { path, params } of requests) {
      expect(path).toBe('/api');
      expect(params).not.toHaveProperty('apikey');
      expect(params).not.toHaveProperty('chainid');
      expect(params).toMatchObject({ module: 'account', startblock: '5', endblock: '9', sort: 'asc' });
    }
  });
});
