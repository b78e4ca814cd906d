// First sync of a heavy account (issue #22): 10,000 transactions over three chains, read through the app's
// history path (createHistoryModule on a real SQLite file) from loopback doubles that keep real providers'
// limits: an Etherscan v2 API at 5 requests a second shared by all chains, 10,000-row result windows; an RPC
// node per chain that refuses batches over 50 calls and answers 25 requests a second. Then a second sync with
// nothing new. Prints one JSON object:
// - firstPageMs: until `history.page({ limit: 50 })` first returns 50 entries; completeMs: until sync() ends;
// - explorerRequests, rpcRequests, rpcCalls (and rpcByMethod), refusedRequests (refused by either limit,
//   and counted in the requests), floorRequests (the fewest the limits allow for a history that invents
//   nothing; see floorRequests in test/history/firstSync/heavyAccount.ts) and requestRatio = (explorer + rpc
//   requests) / floor; rowsOnlyFloorRequests and rowsOnlyRatio: the same against the floor of an app that
//   stored others' transactions from the explorer's token and internal rows alone, inventing their sender,
//   contract and calldata, which this one does not;
// - entries (must equal the dataset's distinct transactions per chain, or the bench exits 1);
// - secondRunRequests (total and per chain);
// - meetsGoals: first page under 2 s, complete under 60 s, ratio ≤ 2, second run ≤ 1.5 requests per chain.
// FIRST_SYNC_TIMEOUT_MS (default 180,000) cancels a first sync that runs longer; the figures so far are
// printed with `timedOut: true`. Run with `npm run bench:first-sync`.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryService } from '../src/main/history/historyService';
import { startFirstSync, type RequestCounts } from '../test/history/firstSync/firstSyncHarness';
import { floorRequests, heavyAccount } from '../test/history/firstSync/heavyAccount';

const TIMEOUT_MS = Number(process.env.FIRST_SYNC_TIMEOUT_MS ?? 180_000);
const dataset = heavyAccount();
const floor = floorRequests(dataset);

/** Every stored entry's hash per chain, read page by page as the History view would. */
function storedHashes(history: HistoryService): Map<number, Set<string>> {
  const byChain = new Map<number, Set<string>>();
  let after: string | undefined;
  do {
    const page = history.page({ limit: 200, after });
    for (const entry of page.entries) {
      const hashes = byChain.get(entry.chainId) ?? new Set<string>();
      hashes.add(entry.hash);
      byChain.set(entry.chainId, hashes);
    }
    after = page.next ?? undefined;
  } while (after);
  return byChain;
}

/** Resolves with the ms from `started` until the first page is full, polling every 20 ms. */
function watchFirstPage(history: HistoryService, started: number) {
  let firstPageMs: number | null = null;
  const timer = setInterval(() => {
    if (firstPageMs === null && history.page({ limit: 50 }).entries.length === 50) {
      firstPageMs = performance.now() - started;
      clearInterval(timer);
    }
  }, 20);
  return () => {
    clearInterval(timer);
    return firstPageMs;
  };
}

/** Requests per chain (explorer and RPC) made after `before`, or in all. */
const perChain = (after: RequestCounts, before?: RequestCounts) =>
  Object.fromEntries(
    Object.entries(after.perChain).map(([chainId, counts]) => {
      const earlier = before?.perChain[Number(chainId)] ?? { explorer: 0, rpc: 0 };
      return [chainId, counts.explorer - earlier.explorer + counts.rpc - earlier.rpc];
    }),
  );

const dir = mkdtempSync(join(tmpdir(), 'first-sync-bench-'));
const harness = await startFirstSync({ dataset, directory: dir });
let exitCode = 0;
try {
  const started = performance.now();
  const firstPage = watchFirstPage(harness.history, started);
  const timeout = setTimeout(() => harness.abort(), TIMEOUT_MS);
  const states = await harness.history.sync();
  clearTimeout(timeout);
  const completeMs = performance.now() - started;
  const firstPageMs =
    firstPage() ?? (harness.history.page({ limit: 50 }).entries.length === 50 ? completeMs : null);
  const first = harness.counts();
  const timedOut = completeMs >= TIMEOUT_MS;

  const stored = storedHashes(harness.history);
  const entries = Object.fromEntries(
    dataset.chains.map((chain) => [chain.chainId, stored.get(chain.chainId)?.size ?? 0]),
  );
  const complete = dataset.chains.every((chain) => {
    const hashes = stored.get(chain.chainId);
    return (
      hashes?.size === chain.transactions.length && chain.transactions.every((tx) => hashes.has(tx.raw.hash))
    );
  });

  let secondRun: { total: number; perChain: Record<string, number> } | null = null;
  if (complete && !timedOut) {
    await harness.history.sync();
    const second = harness.counts();
    const counts = perChain(second, first);
    secondRun = { total: Object.values(counts).reduce((sum, n) => sum + n, 0), perChain: counts };
  }

  const total = first.explorer + first.rpc;
  const requestRatio = Number((total / floor.total).toFixed(2));
  const rowsOnlyRatio = Number((total / floor.rowsOnlyTotal).toFixed(2));
  const secondRunPerChain = secondRun ? secondRun.total / dataset.chains.length : null;
  console.log(
    JSON.stringify({
      transactions: dataset.chains.reduce((sum, chain) => sum + chain.transactions.length, 0),
      chains: dataset.chains.length,
      timedOut,
      states: states.map(({ chainId, state, message }) => ({
        chainId,
        state,
        ...(message ? { message } : {}),
      })),
      firstPageMs: firstPageMs === null ? null : Math.round(firstPageMs),
      completeMs: Math.round(completeMs),
      explorerRequests: first.explorer,
      rpcRequests: first.rpc,
      rpcCalls: first.rpcCalls,
      rpcByMethod: first.rpcByMethod,
      refusedRequests: first.refused,
      floorRequests: floor.total,
      floor: {
        explorer: floor.explorer,
        rpc: floor.rpc,
        receipts: floor.chains.map((chain) => chain.receipts),
        others: floor.chains.map((chain) => chain.others),
      },
      requestRatio,
      rowsOnlyFloorRequests: floor.rowsOnlyTotal,
      rowsOnlyRatio,
      firstRunPerChain: perChain(first),
      entries,
      complete,
      secondRunRequests: secondRun?.total ?? null,
      secondRunPerChain: secondRun?.perChain ?? null,
      meetsGoals: {
        firstPageUnder2s: firstPageMs !== null && firstPageMs < 2_000,
        completeUnder60s: complete && completeMs < 60_000,
        requestRatioAtMost2: complete && requestRatio <= 2,
        secondRunAboutOnePerChain: secondRunPerChain !== null && secondRunPerChain <= 1.5,
      },
      loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    }),
  );
  if (!complete) exitCode = 1;
} finally {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
