import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatAge } from '../format/age';
import { ageReading, readClock, subscribeClock } from './sharedClock';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_300);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('shared clock', () => {
  it('wakes every label on one timer, on whole seconds, and reads the same between ticks', () => {
    const heard: string[] = [];
    const offA = subscribeClock(1000, () => heard.push(`a@${Date.now()}`));
    const offB = subscribeClock(1000, () => heard.push(`b@${Date.now()}`));
    expect(vi.getTimerCount()).toBe(1);
    // The first label's reading is exact, not from the clock's last use.
    expect(readClock(1000)).toBe(1_700_000_000_300);
    vi.advanceTimersByTime(400);
    expect(readClock(1000)).toBe(1_700_000_000_300);
    vi.advanceTimersByTime(300);
    expect(heard).toEqual(['a@1700000001000', 'b@1700000001000']);
    expect(readClock(1000)).toBe(1_700_000_001_000);
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveLength(4);
    offA();
    offB();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(heard).toHaveLength(4);
  });

  it('ticks a 1 s and a 10 s clock in the same turn at each 10 s mark', () => {
    const heard: Array<[number, number]> = [];
    const offSecond = subscribeClock(1000, () => heard.push([1000, Date.now()]));
    const offTen = subscribeClock(10_000, () => heard.push([10_000, Date.now()]));
    vi.advanceTimersByTime(10_000);
    const atTen = heard.filter(([, at]) => at === 1_700_000_010_000).map(([interval]) => interval);
    expect(atTen.sort()).toEqual([1000, 10_000]);
    expect(heard.filter(([interval]) => interval === 10_000)).toHaveLength(1);
    offSecond();
    offTen();
  });

  it('moves on after a whole interval even with nobody listening', () => {
    const before = readClock(60_000);
    vi.advanceTimersByTime(30_000);
    expect(readClock(60_000)).toBe(before);
    vi.advanceTimersByTime(60_000);
    expect(readClock(60_000)).toBe(Date.now());
  });
});

describe('ageReading', () => {
  const read = 1_700_000_000_300;
  const label = (age: number) => formatAge(read, ageReading(read + age, read));

  it('counts the first minute in 5 s steps from the read, exact when each step is drawn', () => {
    expect([0, 4_999, 5_000, 9_999, 12_000, 59_999].map(label)).toEqual([
      'just now',
      'just now',
      '5 s ago',
      '5 s ago',
      '10 s ago',
      '55 s ago',
    ]);
    // A clock a little behind the read says "just now", as formatAge does.
    expect(ageReading(read - 500, read)).toBe(read - 500);
  });

  it('then moves in 10 s steps, never backwards, lagging a label by less than a step', () => {
    let last = 0;
    for (let age = 0; age < 3_700_000; age += 1000) {
      const reading = ageReading(read + age, read);
      expect(reading).toBeGreaterThanOrEqual(last);
      expect(read + age - reading).toBeLessThan(age < 60_000 ? 5_000 : 10_000);
      last = reading;
    }
    expect([60_000, 119_999, 120_000, 3_600_000].map(label)).toEqual([
      '1 min ago',
      '1 min ago',
      '2 min ago',
      '1 h ago',
    ]);
  });

  it('gives the same reading for every second of a step, so the labels do not re-render', () => {
    const readings = new Set([12_000, 13_004, 14_999].map((age) => ageReading(read + age, read)));
    expect(readings).toEqual(new Set([read + 10_000]));
  });
});
