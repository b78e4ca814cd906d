import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeActivity } from '../../../src/main/history/decode/decodeActivity';
import type { HistoryEntryView } from '../../../src/shared/history';
import { findChain } from '../../../src/shared/chains/registry';
import { type FirstSyncHarness, startFirstSync } from './firstSyncHarness';
import { datasetTokens, heavyAccount } from './heavyAccount';

// A small heavy account (every kind on every chain) through the app's history path and the rate-limited
// doubles, at the doubles' real limits: what is stored must be what decoding the full RPC data says.
const dataset = heavyAccount({ counts: { 1: 160, 10: 120, 8453: 80 } });
const tokens = datasetTokens(dataset);
let dir = '';
let harness: FirstSyncHarness;
let stored: HistoryEntryView[] = [];
/** What the timeline showed when it first heard of new entries, and how many chains had finished then. */
let shownEarly: { entries: number; finished: number } | null = null;

function everyEntry(): HistoryEntryView[] {
  const entries: HistoryEntryView[] = [];
  let after: string | undefined;
  do {
    const page = harness.history.page({ limit: 200, after });
    entries.push(...page.entries);
    after = page.next ?? undefined;
  } while (after);
  return entries;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'first-sync-'));
  harness = await startFirstSync({ dataset, directory: dir });
  const finished = new Set<number>();
  harness.events.subscribe((name, payload) => {
    const state = payload as { chainId: number; state: string };
    if (name === 'history.progress' && state.state === 'synced') finished.add(state.chainId);
    if (name === 'history.changed' && shownEarly === null)
      shownEarly = { entries: harness.history.page({ limit: 50 }).entries.length, finished: finished.size };
  });
  const states = await harness.history.sync();
  expect(states.map(({ chainId, state, message }) => ({ chainId, state, message }))).toEqual(
    dataset.chains.map(({ chainId }) => ({ chainId, state: 'synced', message: null })),
  );
  stored = everyEntry();
}, 120_000);

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a first sync through the rate-limited doubles', () => {
  it('shows a full first page before any chain has finished', () => {
    expect(shownEarly).toEqual({ entries: 50, finished: 0 });
  });

  it('stores one entry per transaction, decoded as the full RPC data decodes', () => {
    expect(stored).toHaveLength(dataset.chains.reduce((sum, chain) => sum + chain.transactions.length, 0));
    const byKey = new Map(stored.map((entry) => [`${entry.chainId}:${entry.hash}`, entry]));
    for (const chain of dataset.chains) {
      const native = findChain(chain.chainId)?.nativeCurrency;
      for (const { raw, kind } of chain.transactions) {
        const entry = byKey.get(`${chain.chainId}:${raw.hash}`);
        const activity = decodeActivity(raw, dataset.account, tokens);
        const assets = activity.assets.map((asset) =>
          asset.standard === 'native'
            ? { ...asset, symbol: native?.symbol, decimals: native?.decimals }
            : asset,
        );
        expect(
          {
            kind: entry?.kind,
            method: entry?.method,
            status: entry?.status,
            timestamp: entry?.timestamp,
            assets: entry?.assets,
          },
          `${kind} ${raw.hash}`,
        ).toEqual({
          kind: activity.kind,
          method: activity.method,
          status: raw.status,
          timestamp: raw.timestamp,
          assets,
        });
        expect(entry?.approval?.amount ?? null, `${kind} ${raw.hash}`).toBe(
          activity.approval?.amount.toString() ?? null,
        );
        // Nothing is invented for someone else's transaction either: its sender and contract are the node's.
        expect({ from: entry?.from, to: entry?.to }, `${kind} ${raw.hash}`).toEqual({
          from: raw.from,
          to: raw.to,
        });
        if (raw.from !== dataset.account) continue;
        // What the account sent, it sees with the fee it paid.
        expect(entry?.fee, `${kind} ${raw.hash}`).toBe((raw.gasUsed * raw.effectiveGasPrice).toString());
      }
    }
  });

  it('asks one request per chain and changes nothing on a second sync with nothing new', async () => {
    const before = harness.counts();
    const states = await harness.history.sync();
    const after = harness.counts();
    expect(states.every((state) => state.state === 'synced')).toBe(true);
    expect(after.explorer - before.explorer).toBe(0);
    expect(after.rpc - before.rpc).toBe(dataset.chains.length);
    expect(everyEntry()).toEqual(stored);
  });
});
