// One portfolio read on three local anvil chains with 50 accounts × 200 tokens each, four ways in the same
// run: the balance program by state override at `latest` (one POST per chain: the headline numbers), the app's
// refresh as ChainsService runs it today (`service`: an eth_blockNumber first, then the override read),
// Multicall3's aggregate3 (`multicall`), and one eth_call per balance (`naive`). Each way also reads the price
// feeds of the chain's registry (`feedsOnChain`), placed as stand-ins at their real addresses: in the same call
// as the balances, or, naively, two eth_calls per feed. Prints one JSON object:
// `requests` (HTTP POSTs), `calls` (JSON-RPC calls), `bytes` (on the wire, both directions, HTTP headers
// included), `bodyBytes` (JSON only), `ms`, each with its prefix; `feeds` (price feeds read per way);
// `floorBytes` (32 bytes per balance, hex: 64 characters, the balances only) and `bytesRatio` (bytes /
// floorBytes) for each way. Run with `npm run bench:portfolio`, which bundles it with esbuild first: Node
// alone cannot resolve the extensionless imports of the TypeScript sources.
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from 'better-sqlite3';
import {
  type FeedAnswer,
  readBalances,
  type ReadOptions,
  type TokenAddress,
} from '../src/main/chains/balanceReader';
import { LATEST_ROUND_DATA, roundFromResults } from '../src/main/chains/feedRound';
import { feedsOnChain } from '../src/main/prices/priceFeeds';
import type { ChecksumAddress } from '../src/main/store/address';
import { BalancesRepository } from '../src/main/chains/balancesRepository';
import { ChainsService } from '../src/main/chains/chainsService';
import { type BlockTag, rpc } from '../src/main/rpc/jsonRpc';
import { MULTICALL3_ADDRESS } from '../src/shared/chains/registry';
import { addressCall, SELECTOR } from '../src/main/rpc/multicall';
import { RpcClient, type RpcExchange } from '../src/main/rpc/rpcClient';
import { TokensRepository } from '../src/main/chains/tokensRepository';
import { createLogger } from '../src/main/log';
import { type AnvilNode, startAnvil } from '../test/anvil/anvil';
import {
  fixtureAccounts,
  localChain,
  openWalletDatabase,
  type SeededChain,
  seedPortfolio,
  STAND_INS,
} from '../test/anvil/portfolioFixture';
import { placePriceFeed } from '../test/contracts/priceFeedStandIn';

const ACCOUNTS = fixtureAccounts(50);
const TOKENS = 200;
// A naive client would still not open thousands of sockets at once; this is a generous, typical pool.
const NAIVE_CONCURRENCY = 16;

interface Tally {
  requests: number;
  calls: number;
  bodyBytes: number;
}

const tally = (): Tally => ({ requests: 0, calls: 0, bodyBytes: 0 });
const count = (into: Tally) => (exchange: RpcExchange) => {
  into.requests++;
  into.calls += exchange.calls;
  into.bodyBytes += exchange.requestBytes + exchange.responseBytes;
};

// Every socket fetch opens, so bytes on the wire (headers too, which one POST per balance pays each time) are
// counted from the sockets themselves.
const sockets = new Set<Socket>();
diagnostics.subscribe('undici:client:connected', (message) =>
  sockets.add((message as { socket: Socket }).socket),
);
const wireBytes = () =>
  [...sockets].reduce((total, socket) => total + socket.bytesRead + socket.bytesWritten, 0);

/** Times `run` and counts what it sent, after `warmUp` (not counted) has connected and checked chain ids. */
async function measure(warmUp: () => Promise<unknown>, run: () => Promise<void>, measured: Tally) {
  await warmUp();
  Object.assign(measured, tally());
  const wireBefore = wireBytes();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  return { ...measured, bytes: wireBytes() - wireBefore, ms };
}
const silentLog = createLogger('bench', () => {});
/** One client per node, its exchanges counted into `measured`. */
const clientsFor = (nodes: AnvilNode[], measured: Tally) =>
  nodes.map(
    (node) =>
      new RpcClient({
        chainId: node.chainId,
        chainName: `chain ${node.chainId}`,
        urls: [node.url],
        onExchange: count(measured),
      }),
  );

/** ChainsService's default calldata budget for aggregate3. */
const MAX_CALLDATA = 128 * 1024;

const feedAddresses = (chainId: number): ChecksumAddress[] =>
  feedsOnChain(chainId).map((feed) => feed.address);
/** The round each stand-in answers: a distinct price per feed, updated when the bench starts. */
const UPDATED_AT = Math.floor(Date.now() / 1000);
const placedRound = (index: number) => ({
  answer: BigInt(index + 1) * 10n ** 8n,
  decimals: 8,
  updatedAt: UPDATED_AT,
});

async function placeFeeds(node: AnvilNode): Promise<void> {
  for (const [index, feed] of feedAddresses(node.chainId).entries())
    await placePriceFeed(node.url, feed, placedRound(index));
}

/** Every way must read each feed's placed round: the check that the feeds were read at all, and read right. */
function checkFeeds(chainId: number, feeds: readonly FeedAnswer[], way: string): number {
  const expected = feedAddresses(chainId).map((feed, index) => ({ feed, round: placedRound(index) }));
  if (!isDeepStrictEqual(feeds, expected)) throw new Error(`chain ${chainId}: ${way} read the feeds wrong`);
  return feeds.length;
}

/**
 * The balances of every chain read by `readBalances` in `mode`, one client per chain, and stored through the
 * repository into the database the service refresh filled first: they must change nothing there, which is
 * the check that every way reads the same thing.
 */
async function directRead(
  db: Database,
  nodes: AnvilNode[],
  seeded: SeededChain[],
  mode: ReadOptions['mode'],
  block: (client: RpcClient) => Promise<BlockTag>,
) {
  const measured = tally();
  const repository = new BalancesRepository(db);
  const clients = clientsFor(nodes, measured);
  const blocks: BlockTag[] = [];
  const modes = new Set<string>();
  let feeds = 0;
  const result = await measure(
    async () => blocks.push(...(await Promise.all(clients.map(block)))),
    async () => {
      await Promise.all(
        clients.map(async (client, c) => {
          const read = await readBalances(
            client,
            MULTICALL3_ADDRESS,
            blocks[c] as BlockTag,
            {
              accounts: ACCOUNTS,
              tokens: ['native', ...(seeded[c] as SeededChain).tokens],
              feeds: feedAddresses(client.chainId),
            },
            { maxCalldataBytes: MAX_CALLDATA, mode },
          );
          modes.add(read.readMode ?? 'unknown');
          feeds += checkFeeds(client.chainId, read.feeds, mode ?? 'override');
          const summary = repository.save(read);
          if (summary.written + summary.removed > 0)
            throw new Error(`chain ${client.chainId}: ${mode} read disagrees with the refresh`);
        }),
      );
    },
    measured,
  );
  return { ...result, modes: [...modes], feeds };
}

/** The app's own refresh, through ChainsService (which reads by override now). */
async function serviceRefresh(db: Database, nodes: AnvilNode[]) {
  const measured = tally();
  const service = new ChainsService({
    db,
    chains: nodes.map((node) => localChain(node.chainId, node.url)),
    accounts: () => ACCOUNTS,
    log: silentLog,
    rpc: { onExchange: count(measured) },
  });
  try {
    // Both ways are timed on verified, warm connections; a first refresh here also fills the database, so
    // the timed one writes only what changed (nothing), as every refresh after the first does.
    return await measure(
      () => service.refresh(),
      async () => {
        const statuses = await service.refresh();
        if (statuses.some((status) => status.state !== 'ok')) throw new Error(JSON.stringify(statuses));
      },
      measured,
    );
  } finally {
    service.close();
  }
}

/**
 * Every balance as its own eth_call (eth_getBalance for the native coin), each its own POST, stored through
 * the same repository into the same database. Since the multicall refresh stored these balances just
 * before, the naive read must change nothing: that is the check that both read the same thing.
 */
async function naiveRefresh(db: Database, nodes: AnvilNode[], seeded: SeededChain[]) {
  const measured = tally();
  const repository = new BalancesRepository(db);
  const clients = clientsFor(nodes, measured);
  let feedCount = 0;
  // Two eth_calls per feed, as a client that reads prices apart from the balances would make.
  const readFeed = async (client: RpcClient, feed: ChecksumAddress, head: bigint): Promise<FeedAnswer> => {
    const call = async (data: string) => ({
      ok: true as const,
      returnData: await client.send(rpc.call(feed, data, head)),
    });
    const [roundData, decimals] = await Promise.all([call(LATEST_ROUND_DATA), call(SELECTOR.decimals)]);
    return { feed, round: roundFromResults(roundData, decimals) };
  };
  const readChain = async (client: RpcClient, tokens: readonly TokenAddress[]) => {
    const head = await client.send(rpc.blockNumber());
    const keys = ACCOUNTS.flatMap((account) => tokens.map((token) => ({ account, token })));
    const amounts: bigint[] = [];
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const index = next++;
        const { account, token } = keys[index] as (typeof keys)[number];
        amounts[index] =
          token === 'native'
            ? await client.send(rpc.getBalance(account, head))
            : BigInt(await client.send(rpc.call(token, addressCall(SELECTOR.balanceOf, account), head)));
      }
    };
    const [feeds] = await Promise.all([
      Promise.all(feedAddresses(client.chainId).map((feed) => readFeed(client, feed, head))),
      ...Array.from({ length: NAIVE_CONCURRENCY }, worker),
    ]);
    feedCount += checkFeeds(client.chainId, feeds, 'naive');
    const summary = repository.save({
      chainId: client.chainId,
      blockNumber: Number(head),
      blockTimestamp: 0,
      entries: keys.map((key, i) => ({ ...key, amount: amounts[i] as bigint })),
      feeds,
    });
    if (summary.written + summary.removed > 0)
      throw new Error(`chain ${client.chainId}: the two ways disagree`);
  };
  const result = await measure(
    () => Promise.all(clients.map((client) => client.send(rpc.blockNumber()))),
    async () => {
      await Promise.all(
        clients.map((client, c) => readChain(client, ['native', ...(seeded[c] as SeededChain).tokens])),
      );
    },
    measured,
  );
  return { ...result, feeds: feedCount };
}

const nodes: AnvilNode[] = [];
const wallet = openWalletDatabase();
try {
  nodes.push(...(await Promise.all(STAND_INS.map((id) => startAnvil(id)))));
  const seeded = await Promise.all(
    nodes.map((node) => seedPortfolio(node.url, node.chainId, ACCOUNTS, TOKENS)),
  );
  await Promise.all(nodes.map(placeFeeds));
  const tokens = new TokensRepository(wallet.db);
  for (const chain of seeded) for (const token of chain.userTokens) tokens.addUserToken(token);

  const service = await serviceRefresh(wallet.db, nodes);
  // The connection check (eth_chainId) happens on the first request; `latest` needs no block first.
  const override = await directRead(wallet.db, nodes, seeded, 'override', async (client) => {
    await client.send(rpc.blockNumber());
    return 'latest';
  });
  const multicall = await directRead(wallet.db, nodes, seeded, 'multicall3', (client) =>
    client.send(rpc.blockNumber()),
  );
  const naive = await naiveRefresh(wallet.db, nodes, seeded);

  const round = (value: number, digits = 1) => Number(value.toFixed(digits));
  const balances = new BalancesRepository(wallet.db).all().length;
  const floorBytes = nodes.length * ACCOUNTS.length * (TOKENS + 1) * 64;
  console.log(
    JSON.stringify({
      accounts: ACCOUNTS.length,
      tokensPerChain: TOKENS,
      chains: nodes.length,
      balances,
      feeds: override.feeds,
      floorBytes,
      readModes: override.modes,
      requests: override.requests,
      calls: override.calls,
      bytes: override.bytes,
      bodyBytes: override.bodyBytes,
      bytesRatio: round(override.bytes / floorBytes, 3),
      ms: round(override.ms),
      serviceRequests: service.requests,
      serviceCalls: service.calls,
      serviceBytes: service.bytes,
      serviceBytesRatio: round(service.bytes / floorBytes, 3),
      serviceMs: round(service.ms),
      multicallFeeds: multicall.feeds,
      multicallRequests: multicall.requests,
      multicallCalls: multicall.calls,
      multicallBytes: multicall.bytes,
      multicallBytesRatio: round(multicall.bytes / floorBytes, 3),
      multicallMs: round(multicall.ms),
      naiveFeeds: naive.feeds,
      naiveRequests: naive.requests,
      naiveCalls: naive.calls,
      naiveBytes: naive.bytes,
      naiveBodyBytes: naive.bodyBytes,
      naiveBytesRatio: round(naive.bytes / floorBytes, 3),
      naiveMs: round(naive.ms),
      requestRatio: round(naive.requests / override.requests),
      byteRatio: round(naive.bytes / override.bytes, 2),
      speedup: round(naive.ms / override.ms, 2),
    }),
  );
} finally {
  wallet.close();
  await Promise.all(nodes.map((node) => node.stop()));
}
