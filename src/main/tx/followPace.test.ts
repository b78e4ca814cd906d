import { describe, expect, it } from 'vitest';
import { FollowSchedule, followPause } from './followPace';

describe('followPause', () => {
  const now = 1_700_000_000_000;

  it('follows at the poll interval in the minute after a send or a change', () => {
    expect(followPause([{ updatedAt: now - 59_999 }], now, 4_000)).toBe(4_000);
    expect(followPause([{ updatedAt: now - 3_600_000 }, { updatedAt: now - 1_000 }], now, 4_000)).toBe(4_000);
  });

  it('asks about a long-pending send at a chain poll’s pace, never faster than asked', () => {
    expect(followPause([{ updatedAt: now - 60_000 }], now, 4_000)).toBe(15_000);
    expect(followPause([{ updatedAt: now - 60_000 }], now, 30_000)).toBe(30_000);
  });

  it('waits twice as long after each pass in a row that found no new block, up to a chain poll’s pace', () => {
    const sent = [{ updatedAt: now - 1_000 }];
    expect([0, 1, 2, 3, 9].map((standstill) => followPause(sent, now, 4_000, standstill))).toEqual([
      4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
    expect(followPause([{ updatedAt: now - 60_000 }], now, 4_000, 1)).toBe(15_000);
    expect(followPause(sent, now, 30_000, 2)).toBe(30_000);
  });

  it('keeps the interval when nothing is followed, since such a pass asks no node', () => {
    expect(followPause([], now, 4_000)).toBe(4_000);
  });
});

describe('FollowSchedule', () => {
  const now = 1_700_000_000_000;
  const recent = (chainId: number) => ({ chainId, updatedAt: now - 1_000 });

  it('backs off a chain that makes no block while another followed chain moves', () => {
    const schedule = new FollowSchedule(4_000);
    const followed = [recent(1), recent(42161)];
    let t = now;
    const asked: number[][] = [];
    // Ethereum makes a block before every pass; Arbitrum makes none after the first read.
    for (let pass = 0; pass < 6; pass++) {
      const due = schedule.due(followed, t);
      asked.push(due);
      for (const chainId of due) schedule.read(chainId, chainId === 1 || pass === 0, followed, t);
      t += schedule.pauseMs(followed, t);
    }
    expect(asked).toEqual([[1, 42161], [1, 42161], [1], [1, 42161], [1], [1]]);
    expect(t - now).toBe(6 * 4_000);
  });

  it('follows a chain at the interval again after news on it, and after a read that failed', () => {
    const schedule = new FollowSchedule(4_000);
    const followed = [recent(10)];
    schedule.read(10, false, followed, now);
    schedule.read(10, false, followed, now);
    expect(schedule.pauseMs(followed, now)).toBe(15_000);
    schedule.hurry(10);
    expect(schedule.due(followed, now)).toEqual([10]);
    expect(schedule.pauseMs(followed, now)).toBe(0);
    schedule.read(10, false, followed, now);
    schedule.read(10, null, followed, now);
    expect(schedule.pauseMs(followed, now)).toBe(4_000);
  });

  it('waits the interval when nothing is followed, and forgets a chain no longer followed', () => {
    const schedule = new FollowSchedule(4_000);
    expect(schedule.pauseMs([], now)).toBe(4_000);
    schedule.read(8453, false, [recent(8453)], now);
    expect(schedule.due([], now)).toEqual([]);
    expect(schedule.due([recent(8453)], now)).toEqual([8453]);
  });
});
