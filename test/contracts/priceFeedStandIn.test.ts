import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { anvilCall, fixtureAddress } from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { PRICE_FEED_ABI, placePriceFeed, setFeedRound } from './priceFeedStandIn';

const nodes = useAnvilChains([1]);
const url = () => nodes[0]?.url as string;
const feedAbi = new Interface(PRICE_FEED_ABI);

async function read(feed: string, method: 'latestRoundData' | 'decimals') {
  const data = String(
    await anvilCall(url(), 'eth_call', [{ to: feed, data: feedAbi.encodeFunctionData(method) }]),
  );
  return { data, decoded: feedAbi.decodeFunctionResult(method, data) };
}

describe('price feed stand-in on anvil', () => {
  it('answers latestRoundData and decimals as an AggregatorV3 does', async () => {
    const feed = fixtureAddress('price-feed', 'eth-usd');
    await placePriceFeed(url(), feed, {
      answer: 300_012_345_678n,
      decimals: 8,
      updatedAt: 1_700_000_000,
      roundId: 7n,
    });

    const round = await read(feed, 'latestRoundData');
    expect((round.data.length - 2) / 2).toBe(160);
    expect(round.decoded.toArray()).toEqual([7n, 300_012_345_678n, 1_700_000_000n, 1_700_000_000n, 7n]);
    const decimals = await read(feed, 'decimals');
    expect((decimals.data.length - 2) / 2).toBe(32);
    expect(decimals.decoded[0]).toBe(8n);
  });

  it('keeps a negative answer as a signed int256 and takes a new round', async () => {
    const feed = fixtureAddress('price-feed', 'negative');
    await placePriceFeed(url(), feed, { answer: 5n, decimals: 18, updatedAt: 1 });
    await setFeedRound(url(), feed, { answer: -42n, decimals: 6, updatedAt: 1_800_000_000 });

    const round = await read(feed, 'latestRoundData');
    expect(round.decoded.answer).toBe(-42n);
    expect(round.decoded.updatedAt).toBe(1_800_000_000n);
    expect(round.decoded.roundId).toBe(1n);
    expect((await read(feed, 'decimals')).decoded[0]).toBe(6n);
  });

  it('reverts any other call', async () => {
    const feed = fixtureAddress('price-feed', 'other');
    await placePriceFeed(url(), feed, { answer: 1n, decimals: 8, updatedAt: 1 });
    await expect(anvilCall(url(), 'eth_call', [{ to: feed, data: '0x50d25bcd' }])).rejects.toThrow(/revert/i);
  });

  it.each([
    ['an answer past int256', { answer: 1n << 255n, decimals: 8, updatedAt: 1 }, /does not fit in an int256/],
    ['decimals past uint8', { answer: 1n, decimals: 256, updatedAt: 1 }, /is not a uint8/],
  ])('refuses a round no feed could hold: %s', async (_, round, message) => {
    await expect(placePriceFeed(url(), fixtureAddress('price-feed', 'refused'), round)).rejects.toThrow(
      message,
    );
  });
});
