import { type CallResult, SELECTOR } from '../rpc/multicall';

/**
 * A price feed's latest round, as both read modes find it: the balance program's three words per feed, or
 * Multicall3's two calls per feed. One set of rules for both, so the modes never disagree on a feed.
 */
export interface FeedRound {
  /** int256 as the feed reports it, scaled by 10^decimals; zero or negative is passed on, not judged here. */
  answer: bigint;
  /** Unix seconds. */
  updatedAt: number;
  decimals: number;
}

/** AggregatorV3 `latestRoundData()`: (roundId, answer, startedAt, updatedAt, answeredInRound). */
export const LATEST_ROUND_DATA = '0xfeaf968c';
/** Its answer is exactly five words; the balance program holds feeds to the same size. */
export const ROUND_DATA_BYTES = 160;

/**
 * The round from its answer, updatedAt and decimals words (unsigned, as read). Null when the round was not
 * read (updatedAt 0: the program's words for a failed feed, or a feed that never reported), or when a word
 * is out of its type's range (decimals past uint8, a time past any date), which no real feed answers.
 */
export function roundFromWords(answer: bigint, updatedAt: bigint, decimals: bigint): FeedRound | null {
  if (updatedAt === 0n || updatedAt > BigInt(Number.MAX_SAFE_INTEGER) || decimals > 255n) return null;
  return { answer: BigInt.asIntN(256, answer), updatedAt: Number(updatedAt), decimals: Number(decimals) };
}

/** The two calls Multicall3 makes for a feed, in the order `roundFromResults` takes their results. */
export const feedCalls = (feed: string) => [
  { target: feed, callData: LATEST_ROUND_DATA },
  { target: feed, callData: SELECTOR.decimals },
];

/** The round from Multicall3's results for `feedCalls`, with the program's rules: exact sizes or nothing. */
export function roundFromResults(roundData: CallResult, decimals: CallResult): FeedRound | null {
  if (!roundData.ok || roundData.returnData.length !== 2 + 2 * ROUND_DATA_BYTES) return null;
  if (!decimals.ok || decimals.returnData.length !== 66) return null;
  const word = (index: number) => BigInt(`0x${roundData.returnData.slice(2 + 64 * index, 66 + 64 * index)}`);
  return roundFromWords(word(1), word(3), BigInt(decimals.returnData));
}
