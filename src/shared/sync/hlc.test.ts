import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HybridClock, MAX_CLOCK_SKEW_MS } from './hlc';
import { SyncInputError } from './syncInputError';
import { HlcString, originOf } from './syncOps';

const A = '00000000000000aa';
const B = 'ff000000000000bb';
const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/** A wall clock the test moves by hand, backwards too. */
function manualClock(start = T0) {
  const time = { ms: start };
  return { time, now: () => time.ms };
}

describe('encodeHlc / decodeHlc', () => {
  it('encodes at fixed width and decodes back', () => {
    const h = { wall: T0, counter: 7, device: A };
    const s = encodeHlc(h);
    expect(s).toBe('019b76daa800-000007-00000000000000aa');
    expect(HlcString.parse(s)).toBe(s);
    expect(decodeHlc(s)).toEqual(h);
    expect(originOf({ t: s })).toBe(A);
  });

  it('encodes the extremes of the range', () => {
    expect(encodeHlc({ wall: 0, counter: 0, device: A })).toBe('000000000000-000000-00000000000000aa');
    const max = encodeHlc({ wall: 0xffffffffffff, counter: 0xffffff, device: A });
    expect(max).toBe('ffffffffffff-ffffff-00000000000000aa');
    expect(decodeHlc(max)).toEqual({ wall: 0xffffffffffff, counter: 0xffffff, device: A });
  });

  it('orders strings as it orders clocks, whatever the digit counts', () => {
    const stamps = [
      { wall: 0xf, counter: 0xfff, device: B },
      { wall: 0x10, counter: 0, device: A },
      { wall: 0x10, counter: 1, device: A },
      { wall: 0x10, counter: 1, device: B },
      { wall: 0x100, counter: 0, device: A },
    ].map(encodeHlc);
    expect([...stamps].reverse().sort()).toEqual(stamps);
  });

  it.each([
    [{ wall: -1, counter: 0 }, /wall time -1/],
    [{ wall: 0x1000000000000, counter: 0 }, /wall time/],
    [{ wall: 1.5, counter: 0 }, /wall time 1.5/],
    [{ wall: 0, counter: 0x1000000 }, /counter 16777216/],
    [{ wall: 0, counter: -1 }, /counter -1/],
  ])('refuses %o', (h, message) => {
    expect(() => encodeHlc({ ...h, device: A })).toThrow(message);
  });

  it('refuses a device that is not 16 hex digits', () => {
    expect(() => encodeHlc({ wall: 0, counter: 0, device: 'AA00000000000000' })).toThrow(/device/);
  });

  it.each([
    '',
    '019b76da0000-000007-00000000000000a',
    '019b76da0000-000007-00000000000000aa0',
    '019B76DA0000-000007-00000000000000aa',
    '019b76da0000_000007_00000000000000aa',
    '19b76da0000-0000007-00000000000000aa',
    ' 019b76da0000-000007-00000000000000aa',
  ])('throws SyncInputError on malformed %j', (s) => {
    expect(() => decodeHlc(s)).toThrow(SyncInputError);
  });

  it('throws SyncInputError, not a TypeError, on a value that is not a string at all', () => {
    expect(() => decodeHlc(42 as unknown as string)).toThrow(SyncInputError);
  });
});

describe('HybridClock', () => {
  it('follows the wall clock while it moves forward', () => {
    const { time, now } = manualClock();
    const clock = new HybridClock(A, now);
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0, counter: 0, device: A });
    time.ms += 5;
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0 + 5, counter: 0, device: A });
  });

  it('counts up while the wall clock stands still', () => {
    const clock = new HybridClock(A, manualClock().now);
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect(stamps.map((s) => decodeHlc(s).counter)).toEqual([0, 1, 2]);
    expect(new Set(stamps.map((s) => decodeHlc(s).wall))).toEqual(new Set([T0]));
  });

  it('keeps ticking upward when the wall clock steps back', () => {
    const { time, now } = manualClock();
    const clock = new HybridClock(A, now);
    const before = clock.tick();
    time.ms -= 60 * 60 * 1000;
    const first = clock.tick();
    const second = clock.tick();
    expect(first > before).toBe(true);
    expect(second > first).toBe(true);
    expect(decodeHlc(second)).toEqual({ wall: T0, counter: 2, device: A });
    time.ms = T0 + 1;
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0 + 1, counter: 0, device: A });
  });

  it('ticks past an observed stamp from a clock running ahead, even from a device that sorts higher', () => {
    const { now } = manualClock();
    const clock = new HybridClock(A, now);
    const remote = encodeHlc({ wall: T0 + 30_000, counter: 4, device: B });
    clock.observe(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(decodeHlc(next)).toEqual({ wall: T0 + 30_000, counter: 5, device: A });
  });

  it('ticks past an observed stamp with the same wall time and a higher counter', () => {
    const clock = new HybridClock(A, manualClock().now);
    clock.tick();
    const remote = encodeHlc({ wall: T0, counter: 9, device: B });
    clock.observe(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('ignores an observed stamp older than its own', () => {
    const { time, now } = manualClock();
    const clock = new HybridClock(A, now);
    clock.tick();
    clock.observe(encodeHlc({ wall: T0 - 10, counter: 999, device: B }));
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0, counter: 1, device: A });
    time.ms += 1;
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0 + 1, counter: 0, device: A });
  });

  it('accepts a stamp exactly MAX_CLOCK_SKEW_MS ahead', () => {
    const clock = new HybridClock(A, manualClock().now);
    const remote = encodeHlc({ wall: T0 + MAX_CLOCK_SKEW_MS, counter: 0, device: B });
    clock.observe(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('refuses a stamp more than a day ahead, and its later stamps stay normal', () => {
    const { time, now } = manualClock();
    const clock = new HybridClock(A, now);
    const wild = encodeHlc({ wall: T0 + MAX_CLOCK_SKEW_MS + 1, counter: 0, device: B });
    expect(() => clock.observe(wild)).toThrow(SyncInputError);
    expect(() => clock.observe(wild)).toThrow(/ahead of this device's clock/);
    expect(decodeHlc(clock.tick()).wall).toBe(T0);
    // Once the local clock catches up, the same stamp is fine.
    time.ms += 2;
    expect(() => clock.observe(wild)).not.toThrow();
  });

  it('refuses a stamp years ahead, saying how far', () => {
    const clock = new HybridClock(A, manualClock().now);
    const wild = encodeHlc({ wall: T0 + 3 * 365 * MAX_CLOCK_SKEW_MS, counter: 0, device: B });
    expect(() => clock.observe(wild)).toThrow(/1095 days ahead/);
  });

  it('throws SyncInputError on a malformed remote stamp and is unchanged', () => {
    const clock = new HybridClock(A, manualClock().now);
    expect(() => clock.observe('not a stamp')).toThrow(SyncInputError);
    expect(decodeHlc(clock.tick())).toEqual({ wall: T0, counter: 0, device: A });
  });

  it('throws clearly when the counter would overflow, rather than wrap', () => {
    const clock = new HybridClock(A, manualClock().now);
    clock.observe(encodeHlc({ wall: T0, counter: 0xfffffe, device: B }));
    expect(decodeHlc(clock.tick()).counter).toBe(0xffffff);
    expect(() => clock.tick()).toThrow(/counter overflow/);
  });

  it('refuses a malformed device id up front', () => {
    expect(() => new HybridClock('not-a-device')).toThrow(/device/);
  });

  it('uses Date.now by default', () => {
    const before = Date.now();
    const { wall } = decodeHlc(new HybridClock(A).tick());
    expect(wall).toBeGreaterThanOrEqual(before);
    expect(wall).toBeLessThanOrEqual(Date.now());
  });
});
