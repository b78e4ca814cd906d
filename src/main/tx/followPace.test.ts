import { describe, expect, it } from 'vitest';
import { followPause } from './followPace';

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
