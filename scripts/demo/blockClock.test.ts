import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNT, anvilCall, sendAndMine } from '../../test/anvil/chainSetup';
import { useAnvilChains } from '../../test/anvil/useAnvilChains';
import { startBlockClock } from './blockClock';

const INTERVAL_MS = 200;

async function head(url: string): Promise<number> {
  return Number(await anvilCall(url, 'eth_blockNumber'));
}

describe('startBlockClock', () => {
  const nodes = useAnvilChains([1, 42161]);
  const urlOf = (chainId: number) => nodes.find((node) => node.chainId === chainId)?.url ?? '';

  it('mines on the nodes it was given and only on those, keeps instant receipts, and stops', async () => {
    const url = urlOf(1);
    const still = urlOf(42161);
    const before = { ticking: await head(url), still: await head(still) };
    const clock = startBlockClock([url], INTERVAL_MS);
    try {
      await expect
        .poll(() => head(url), { timeout: 5_000, interval: 50 })
        .toBeGreaterThanOrEqual(before.ticking + 3);
      expect(await head(still)).toBe(before.still);

      // Automine is still on: a transaction is in a block at once, not at the next tick.
      const receipt = await sendAndMine(url, {
        from: ANVIL_DEV_ACCOUNT,
        to: ANVIL_DEV_ACCOUNT,
        value: '0x1',
      });
      expect(receipt.status).toBe('0x1');
    } finally {
      await clock.stop();
    }
    await sleep(1_000); // a block asked for just before the stop may still land, late on a loaded machine
    const stopped = await head(url);
    await sleep(INTERVAL_MS * 4);
    expect(await head(url)).toBe(stopped);
  });

  it('goes on past a node that does not answer', async () => {
    const url = urlOf(1);
    const before = await head(url);
    const clock = startBlockClock(['http://127.0.0.1:9', url], INTERVAL_MS);
    try {
      await expect.poll(() => head(url), { timeout: 5_000, interval: 50 }).toBeGreaterThanOrEqual(before + 3);
    } finally {
      await clock.stop();
    }
  });

  it('refuses an interval that is not a positive whole number of ms', () => {
    for (const bad of [0, -1, 0.5, Number.NaN]) {
      expect(() => startBlockClock([urlOf(1)], bad)).toThrow(/positive whole number/);
    }
  });
});
