import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { ValueState } from '../../shared/portfolio';
import { ChecksumAddress } from '../store/address';
import { ValueSnapshots, type ValuedHolding } from './valueSnapshots';
import { type ValueSnapshot, ValueSnapshotsRepository } from './valueSnapshotsRepository';

const ALICE = ChecksumAddress.parse('0x1111111111111111111111111111111111111111');
const BOB = ChecksumAddress.parse('0x2222222222222222222222222222222222222222');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);

const held = (
  chainId: number,
  account: ChecksumAddress,
  value: string | null,
  state: ValueState = 'priced',
) => ({ chainId, account, state, value, held: true }) satisfies ValuedHolding;

describe('ValueSnapshots', () => {
  const temp = useTempDatabase('value-snapshots-');
  let repository: ValueSnapshotsRepository;
  let snapshots: ValueSnapshots;

  beforeEach(() => {
    repository = new ValueSnapshotsRepository(temp.db);
    snapshots = new ValueSnapshots(repository);
  });

  const points = (currency: 'USD' | 'EUR' = 'USD') => snapshots.history(currency).points;

  it('stores per network and account the exact sum of priced values and the count left out', () => {
    snapshots.record(
      [
        held(1, ALICE, '0.1'),
        held(1, ALICE, '0.2'),
        held(1, ALICE, null, 'stale'),
        held(1, BOB, null, 'no-price'),
        held(10, ALICE, '12345678901234567890.12345678'),
      ],
      'USD',
      T0,
    );
    expect(points()).toEqual([
      { at: T0, chainId: 1, account: ALICE, value: '0.3', unpriced: 1 },
      { at: T0, chainId: 1, account: BOB, value: '0', unpriced: 1 },
      { at: T0, chainId: 10, account: ALICE, value: '12345678901234567890.12345678', unpriced: 0 },
    ]);
  });

  it('keeps each currency apart and gives history oldest first', () => {
    snapshots.record([held(1, ALICE, '10')], 'USD', T0);
    snapshots.record([held(1, ALICE, '9')], 'EUR', T0 + MINUTE);
    snapshots.record([held(1, ALICE, '20')], 'USD', T0 + 10 * MINUTE);
    expect(points().map((p) => p.value)).toEqual(['10', '20']);
    expect(snapshots.history('EUR')).toEqual({
      currency: 'EUR',
      points: [{ at: T0 + MINUTE, chainId: 1, account: ALICE, value: '9', unpriced: 0 }],
    });
  });

  it('writes a quiet account once per 5 minutes, a move over 0.5% or a new unpriced count after a minute', () => {
    snapshots.record([held(1, ALICE, '1000')], 'USD', T0);
    snapshots.record([held(1, ALICE, '1004')], 'USD', T0 + 2 * MINUTE); // 0.4%: quiet
    snapshots.record([held(1, ALICE, '1100')], 'USD', T0 + 30_000); // a big move, but within a minute
    snapshots.record([held(1, ALICE, '1006')], 'USD', T0 + 3 * MINUTE); // 0.6%
    snapshots.record([held(1, ALICE, '1006'), held(1, ALICE, null, 'stale')], 'USD', T0 + 4 * MINUTE);
    snapshots.record([held(1, ALICE, '1006'), held(1, ALICE, null, 'stale')], 'USD', T0 + 8 * MINUTE);
    snapshots.record([held(1, ALICE, '1006'), held(1, ALICE, null, 'stale')], 'USD', T0 + 9 * MINUTE);
    expect(points().map((p) => [(p.at - T0) / MINUTE, p.value, p.unpriced])).toEqual([
      [0, '1000', 0],
      [3, '1006', 0],
      [4, '1006', 1],
      [9, '1006', 1],
    ]);
  });

  it('takes a shorter floor for moves when given one, and still writes a quiet account once per 5 minutes', () => {
    const fast = new ValueSnapshots(repository, 5_000);
    fast.record([held(1, ALICE, '1000')], 'USD', T0);
    fast.record([held(1, ALICE, '1100')], 'USD', T0 + 4_999); // a move within the floor
    fast.record([held(1, ALICE, '1100')], 'USD', T0 + 5_000);
    fast.record([held(1, ALICE, '1101')], 'USD', T0 + 20_000); // 0.09%: quiet
    fast.record([held(1, ALICE, '1101')], 'USD', T0 + 5_000 + 5 * MINUTE);
    expect(points().map((p) => [p.at - T0, p.value])).toEqual([
      [0, '1000'],
      [5_000, '1100'],
      [5_000 + 5 * MINUTE, '1101'],
    ]);
  });

  it('counts any move from zero as a move', () => {
    snapshots.record([held(1, ALICE, '0')], 'USD', T0);
    snapshots.record([held(1, ALICE, '0.00000001')], 'USD', T0 + MINUTE);
    expect(points().map((p) => p.value)).toEqual(['0', '0.00000001']);
  });

  it('thins old history to one point per hour after 2 days and one per day after 60', () => {
    const now = T0 + 90 * DAY;
    const seeded: ValueSnapshot[] = [];
    for (let at = T0; at < now; at += 10 * MINUTE) {
      seeded.push({ chainId: 1, account: ALICE, at, value: String(at % 997), unpriced: 0 });
    }
    repository.save('USD', seeded, []);
    snapshots.record([held(1, ALICE, '1')], 'USD', now);

    const ages = points().map((p) => now - p.at);
    const within = (from: number, to: number) => ages.filter((age) => age > from && age <= to).length;
    expect(within(90 * DAY - 2 * DAY, 90 * DAY)).toBeGreaterThan(0);
    // Each slice keeps one point per bucket, give or take the bucket the cut-off falls in.
    expect(within(60 * DAY + DAY, 90 * DAY)).toBeLessThanOrEqual(30);
    expect(within(2 * DAY + HOUR, 60 * DAY - DAY)).toBeLessThanOrEqual(57 * 24);
    expect(within(2 * DAY + HOUR, 60 * DAY - DAY)).toBeGreaterThanOrEqual(56 * 24);
    expect(within(0, 2 * DAY - 10 * MINUTE)).toBe(2 * 6 * 24 - 1);
    // The kept point of a slice is its last, so the line ends each hour or day where it really stood.
    const kept = points().filter((p) => now - p.at > 61 * DAY);
    expect(kept.every((p) => (p.at + 10 * MINUTE) % DAY === 0 || p.at + 10 * MINUTE === now)).toBe(true);
  });

  it('thins at most once an hour, since thinning reads every old row', () => {
    const old = { chainId: 1, account: ALICE, value: '1', unpriced: 0 };
    snapshots.record([held(1, ALICE, '1')], 'USD', T0 + 10 * DAY);
    repository.save(
      'USD',
      [
        { ...old, at: T0 },
        { ...old, at: T0 + MINUTE },
      ],
      [],
    );
    snapshots.record([held(1, ALICE, '1')], 'USD', T0 + 10 * DAY + 30 * MINUTE);
    expect(points()).toHaveLength(4);
    snapshots.record([held(1, ALICE, '1')], 'USD', T0 + 10 * DAY + HOUR);
    expect(points().map((p) => (p.at - T0) / MINUTE)).toEqual([1, 14_400, 14_430, 14_460]);
  });

  it('keeps the history across a restart', () => {
    snapshots.record([held(1, ALICE, '7')], 'USD', T0);
    const reopened = new ValueSnapshots(new ValueSnapshotsRepository(temp.reopen()));
    expect(reopened.history('USD').points).toEqual([
      { at: T0, chainId: 1, account: ALICE, value: '7', unpriced: 0 },
    ]);
  });

  it('writes a refresh all or nothing', () => {
    const good = { chainId: 1, account: ALICE, at: T0, value: '1', unpriced: 0 };
    expect(() => repository.save('USD', [good, { ...good, chainId: 2, value: '1e5' }], [])).toThrow();
    expect(points()).toEqual([]);
  });

  it('gives only the newest points when there are more than it may carry', () => {
    for (let i = 0; i < 5; i += 1) {
      repository.save('USD', [{ chainId: 1, account: ALICE, at: T0 + i, value: String(i), unpriced: 0 }], []);
    }
    expect(repository.newest('USD', 2).map((p) => p.value)).toEqual(['3', '4']);
  });

  it('never counts a zero balance as left out, and writes an account whose balances went to zero as 0', () => {
    const empty = (state: ValueState, value: string | null) => ({
      ...held(1, ALICE, value, state),
      held: false,
    });
    snapshots.record([held(1, ALICE, '50'), empty('no-price', null)], 'USD', T0);
    snapshots.record([empty('priced', '0'), empty('no-price', null)], 'USD', T0 + 2 * MINUTE);
    expect(points()).toEqual([
      { at: T0, chainId: 1, account: ALICE, value: '50', unpriced: 0 },
      { at: T0 + 2 * MINUTE, chainId: 1, account: ALICE, value: '0', unpriced: 0 },
    ]);
  });

  it('ends with a zero, at once and once, a series that left the portfolio (an account removed)', () => {
    snapshots.record([held(1, ALICE, '10'), held(1, BOB, '20')], 'USD', T0);
    snapshots.record([held(1, ALICE, '10')], 'USD', T0 + 1_000);
    snapshots.record([held(1, ALICE, '10')], 'USD', T0 + 20 * MINUTE);
    // A restart reads which series are still open from the table.
    const reopened = new ValueSnapshots(new ValueSnapshotsRepository(temp.reopen()));
    reopened.record([held(1, ALICE, '10')], 'USD', T0 + 40 * MINUTE);
    expect(reopened.history('USD').points.filter((p) => p.account === BOB)).toEqual([
      { at: T0, chainId: 1, account: BOB, value: '20', unpriced: 0 },
      { at: T0 + 1_000, chainId: 1, account: BOB, value: '0', unpriced: 0 },
    ]);
  });
});
