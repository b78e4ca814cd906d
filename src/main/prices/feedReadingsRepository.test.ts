import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWalletDatabase, type WalletDatabase } from '../../../test/anvil/portfolioFixture';
import type { ChainBalances, FeedAnswer } from '../chains/balanceReader';
import { ChecksumAddress } from '../store/address';
import { FeedReadingsRepository } from './feedReadingsRepository';

const ETH_USD = ChecksumAddress.parse('0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419');
const DAI_USD = ChecksumAddress.parse('0xAed0c38402a5d19df6E4c03F4E2DceD6e29c1ee9');
const MIN_INT256 = -(2n ** 255n);

let wallet: WalletDatabase;
let repository: FeedReadingsRepository;
beforeEach(() => {
  wallet = openWalletDatabase();
  repository = new FeedReadingsRepository(wallet.db);
});
afterEach(() => wallet.close());

const read = (feeds: FeedAnswer[], chainId = 1, blockNumber = 7): ChainBalances => ({
  chainId,
  blockNumber,
  blockTimestamp: 1_700_000_000,
  entries: [],
  feeds,
});

describe('FeedReadingsRepository', () => {
  it('keeps each answer exactly as read, the extremes of int256 and an unreadable feed included', () => {
    repository.save(
      read([
        { feed: ETH_USD, round: { answer: MIN_INT256, decimals: 8, updatedAt: 1_700_000_000 } },
        { feed: DAI_USD, round: null },
      ]),
      5_000,
    );
    repository.save(
      read([{ feed: ETH_USD, round: { answer: 2n ** 255n - 1n, decimals: 18, updatedAt: 9 } }], 8453),
      6_000,
    );
    expect(repository.all()).toEqual([
      { chainId: 1, feed: ETH_USD, answer: MIN_INT256, decimals: 8, updatedAt: 1_700_000_000, readAt: 5_000 },
      { chainId: 1, feed: DAI_USD, answer: null, decimals: 0, updatedAt: 0, readAt: 5_000 },
      { chainId: 8453, feed: ETH_USD, answer: 2n ** 255n - 1n, decimals: 18, updatedAt: 9, readAt: 6_000 },
    ]);
  });

  it("replaces a chain's readings with the latest read's, leaving other chains alone", () => {
    repository.save(read([{ feed: DAI_USD, round: { answer: 1n, decimals: 8, updatedAt: 1 } }]), 1);
    repository.save(read([{ feed: DAI_USD, round: { answer: 2n, decimals: 8, updatedAt: 2 } }], 10), 1);
    repository.save(read([{ feed: ETH_USD, round: { answer: 3n, decimals: 8, updatedAt: 3 } }]), 2);
    expect(repository.all().map(({ chainId, feed, answer }) => [chainId, feed, answer])).toEqual([
      [1, ETH_USD, 3n],
      [10, DAI_USD, 2n],
    ]);
  });

  it('refuses a row that is not a reading, in a STRICT table', () => {
    const insert = wallet.db.prepare(
      `INSERT INTO feed_readings (chain_id, feed, answer, decimals, updated_at, block_number, read_at)
       VALUES (1, ?, ?, ?, ?, 1, 1)`,
    );
    expect(() => insert.run(ETH_USD, '12e3', 8, 1)).toThrow(/feed_reading_answer/);
    expect(() => insert.run(ETH_USD, '-', 8, 1)).toThrow(/feed_reading_answer/);
    expect(() => insert.run(ETH_USD, null, 8, 1)).toThrow(/feed_reading_unread/);
    expect(() => insert.run('0x12', '1', 8, 1)).toThrow(/feed_reading_feed/);
    expect(() => insert.run(ETH_USD, '1', 256, 1)).toThrow(/feed_reading_decimals/);
    const { sql } = wallet.db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'feed_readings'")
      .get() as { sql: string };
    expect(sql).toMatch(/\)\s*STRICT/);
  });
});
