// One portfolio read on three local anvil chains with 50 accounts × 200 tokens each, four ways in the same
// run: the balance program by state override at `latest` (one POST per chain: the headline numbers), the app's
// refresh as ChainsService runs it today (`service`: an eth_blockNumber first, then the override read),
// Multicall3's aggregate3 (`multicall`), and one eth_call per balance (`naive`). Prints one JSON object:
// `requests` (HTTP POSTs), `calls` (JSON-RPC calls), `bytes` (on the wire, both directions, HTTP headers
// included), `bodyBytes` (JSON only), `ms`, each with its prefix; `floorBytes` (32 bytes per balance, hex:
// 64 characters) and `bytesRatio` (bytes / floorBytes) for each way. Run with `npm run bench:portfolio`,
// which bundles it with esbuild first: Node alone cannot resolve the extensionless imports of the TypeScript
// sources.
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { Database } from 'better-sqlite3';
import { readBalances, type ReadOptions, type TokenAddress } from '../src/main/chains/balanceReader';
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
  const result = await measure(
    async () => blocks.push(...(await Promise.all(clients.map(block)))),
    async () => {
      await Promise.all(
        clients.map(async (client, c) => {
          const read = await readBalances(
            client,
            MULTICALL3_ADDRESS,
            blocks[c] as BlockTag,
            { accounts: ACCOUNTS, tokens: ['native', ...(seeded[c] as SeededChain).tokens] },
            { maxCalldataBytes: MAX_CALLDATA, mode },
          );
          modes.add(read.readMode ?? 'unknown');
          const summary = repository.save(read);
          if (summary.written + summary.removed > 0)
            throw new Error(`chain ${client.chainId}: ${mode} read disagrees with the refresh`);
        }),
      );
    },
    measured,
  );
  return { ...result, modes: [...modes] };
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
    await Promise.all(Array.from({ length: NAIVE_CONCURRENCY }, worker));
    const summary = repository.save({
      chainId: client.chainId,
      blockNumber: Number(head),
      blockTimestamp: 0,
      entries: keys.map((key, i) => ({ ...key, amount: amounts[i] as bigint })),
    });
    if (summary.written + summary.removed > 0)
      throw new Error(`chain ${client.chainId}: the two ways disagree`);
  };
  return measure(
    () => Promise.all(clients.map((client) => client.send(rpc.blockNumber()))),
    async () => {
      await Promise.all(
        clients.map((client, c) => readChain(client, ['native', ...(seeded[c] as SeededChain).tokens])),
      );
    },
    measured,
  );
}

const nodes: AnvilNode[] = [];
const wallet = openWalletDatabase();
try {
  nodes.push(...(await Promise.all(STAND_INS.map((id) => startAnvil(id)))));
  const seeded = await Promise.all(
    nodes.map((node) => seedPortfolio(node.url, node.chainId, ACCOUNTS, TOKENS)),
  );
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
      multicallRequests: multicall.requests,
      multicallCalls: multicall.calls,
      multicallBytes: multicall.bytes,
      multicallBytesRatio: round(multicall.bytes / floorBytes, 3),
      multicallMs: round(multicall.ms),
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
