import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AgeUnit, formatAge } from '../format/age';
import {
  ageReading,
  datedReading,
  nextAgeStep,
  readClock,
  subscribeAgeSteps,
  subscribeClock,
} from './sharedClock';

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

describe('subscribeAgeSteps', () => {
  it('wakes a label when its reading moves on, on whole seconds, and not in between', () => {
    const newest = Date.now() - 2_000;
    const readings: number[] = [];
    const wakes: number[] = [];
    const off = subscribeAgeSteps(newest, () => {
      wakes.push(Date.now());
      readings.push(ageReading(readClock(1000), newest));
    });
    vi.advanceTimersByTime(90_000);
    off();
    // 5 s steps in the first minute, 10 s after: 12 + 3 wakes in 90 s, where a 1 s clock would wake 90 times.
    expect(wakes).toHaveLength(15);
    expect(wakes.every((at) => at % 1000 === 0)).toBe(true);
    // Each wake shows something new, and none comes later than a second after its step ends.
    expect(new Set(readings).size).toBe(readings.length);
    expect(wakes[0]).toBe(newest + 5_000 + 700);
    expect(wakes.at(-1)).toBe(newest + 90_000 + 700);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wakes labels whose steps end in the same second in one task, on one timer', () => {
    const newest = Date.now() - 2_000;
    const heard: string[] = [];
    const offRead = subscribeAgeSteps(newest, () => heard.push(`read@${Date.now()}`));
    const offRefresh = subscribeAgeSteps(newest - 200, () => heard.push(`refresh@${Date.now()}`));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(heard).toEqual([`read@${newest + 5_700}`, `refresh@${newest + 5_700}`]);
    offRead();
    vi.advanceTimersByTime(5_000);
    expect(heard).toHaveLength(3);
    offRefresh();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('follows a clock behind the stamp every second, and sleeps with nothing dated', () => {
    expect(nextAgeStep(1_700_000_000_300, 1_700_000_005_000)).toBe(1_700_000_001_000);
    expect(nextAgeStep(1_700_000_000_300, 0)).toBe(Infinity);
    const off = subscribeAgeSteps(0, () => {});
    expect(vi.getTimerCount()).toBe(0);
    off();
  });
});

describe('datedReading', () => {
  const minute = 60_000;
  const then = 1_700_000_000_000;
  const labels = (reading: number, dates: number[], finest: AgeUnit) =>
    dates.map((date) => formatAge(date, reading, finest));

  it.each<AgeUnit>(['second', 'minute'])(
    'has every label in %ss say at the reading what it says now',
    (finest) => {
      const dates = [then, then + 4 * minute + 30_000, then - 3 * 3_600_000, then + 5 * minute + 20_000];
      for (let now = then + 5 * minute; now < then + 7 * minute; now += 3_700) {
        expect(labels(datedReading(now, dates, finest), dates, finest)).toEqual(labels(now, dates, finest));
      }
    },
  );

  it('stays put until a label would change, and moves when one does', () => {
    const dates = [then, then + 20_000];
    // 4 min and 3 min 40 s old: both in minutes, the next to change is the second, at 4 min.
    const at = (offset: number) => datedReading(then + 4 * minute + offset, dates, 'minute');
    expect(new Set([0, 10_000, 19_999].map(at))).toEqual(new Set([then + 4 * minute]));
    expect(at(20_000)).toBe(then + 4 * minute + 20_000);
    expect(labels(at(20_000), dates, 'minute')).toEqual(['4 min ago', '4 min ago']);
  });

  it('is 0 while every label says what it said at its date, or with nothing dated', () => {
    expect(datedReading(then, [], 'second')).toBe(0);
    expect(datedReading(then, [then + 5_000], 'second')).toBe(0);
    expect(datedReading(then + 59_000, [then], 'minute')).toBe(0);
    expect(formatAge(then, 0, 'minute')).toBe('under 1 min ago');
  });
});
