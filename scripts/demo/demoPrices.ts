import { parseUnits } from 'ethers/utils';
import { type FeedRound, placePriceFeed, setFeedRound } from '../../test/contracts/priceFeedStandIn';
import { sequencerFeed } from '../../src/main/prices/priceFeeds';
import { DEMO_FEED_DECIMALS, DEMO_PRICES, DEMO_STALE_AGE_SECONDS, type DemoPrice } from './demoPortfolio';

/** How often the keeper re-stamps the fresh feeds: well inside the shortest heartbeat (Base ETH/USD, 20 min). */
export const DEMO_PRICE_KEEPER_MS = 60_000;

const round = (price: DemoPrice, updatedAt: number): FeedRound => ({
  answer: parseUnits(price.answer, DEMO_FEED_DECIMALS),
  decimals: DEMO_FEED_DECIMALS,
  updatedAt,
});

const seconds = (ms: number) => Math.floor(ms / 1000);

/** How long the demo's rollups have had their sequencers up: past the grace period, so their prices count. */
export const DEMO_SEQUENCER_UP_SECONDS = 86_400;

/**
 * Places the stand-ins of `chainId`'s demo prices (fresh ones updated `nowMs`, stale ones hours before) and,
 * on a rollup, its sequencer uptime feed, up for a day. The keeper never re-stamps the uptime feed: its
 * `updatedAt` says when the sequencer came back, and a recent one would hold every price back.
 */
export async function seedPrices(url: string, chainId: number, nowMs: number): Promise<void> {
  const prices = DEMO_PRICES.filter((price) => price.chainId === chainId);
  const sequencer = sequencerFeed(chainId);
  await Promise.all([
    ...prices.map((price) =>
      placePriceFeed(
        url,
        price.address,
        round(price, seconds(nowMs) - (price.stale ? DEMO_STALE_AGE_SECONDS : 0)),
      ),
    ),
    ...(sequencer
      ? [
          placePriceFeed(url, sequencer.address, {
            answer: 0n,
            decimals: 0,
            updatedAt: seconds(nowMs) - DEMO_SEQUENCER_UP_SECONDS,
          }),
        ]
      : []),
  ]);
}

export interface PriceKeeper {
  /** Re-stamps no more; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Re-stamps the fresh feeds' `updatedAt` with the time every `intervalMs`, as their publisher's heartbeat
 * would, so a demo left running keeps its values; the stale one stays stale. A node that does not answer is
 * simply tried again at the next tick, at most one round of writes open per node.
 */
export function startPriceKeeper(
  nodes: readonly { chainId: number; url: string }[],
  intervalMs: number = DEMO_PRICE_KEEPER_MS,
  now: () => number = Date.now,
): PriceKeeper {
  const busy = new Set<string>();
  const restamp = ({ chainId, url }: { chainId: number; url: string }) => {
    if (busy.has(url)) return;
    busy.add(url);
    const fresh = DEMO_PRICES.filter((price) => price.chainId === chainId && !price.stale);
    void Promise.all(fresh.map((price) => setFeedRound(url, price.address, round(price, seconds(now())))))
      .catch(() => undefined)
      .finally(() => busy.delete(url));
  };
  const timer = setInterval(() => nodes.forEach(restamp), intervalMs);
  // The demo's own process decides when to end; the keeper alone must not keep it alive.
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}
