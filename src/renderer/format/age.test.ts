import { describe, expect, it } from 'vitest';
import { type AgeUnit, ageTextSince, formatAge } from './age';

describe('formatAge', () => {
  it('picks the largest whole unit', () => {
    expect(formatAge(0, 12_400)).toBe('12 s ago');
    expect(formatAge(0, 5 * 60_000 + 1)).toBe('5 min ago');
    expect(formatAge(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(0, 49 * 3_600_000)).toBe('2 d ago');
    expect(formatAge(0, 1_400)).toBe('1 s ago');
    // A clock a little behind the stamp, or the same second: not "0 s ago".
    expect(formatAge(1000, 0)).toBe('just now');
    expect(formatAge(0, 999)).toBe('just now');
  });

  it('in minutes, says the first minute as one', () => {
    expect(formatAge(0, 59_999, 'minute')).toBe('under 1 min ago');
    expect(formatAge(1000, 0, 'minute')).toBe('under 1 min ago');
    expect(formatAge(0, 60_000, 'minute')).toBe('1 min ago');
    expect(formatAge(0, 3 * 3_600_000, 'minute')).toBe('3 h ago');
  });
});

describe('ageTextSince', () => {
  const then = 1_700_000_000_300;
  const ages = [0, 999, 1_000, 12_400, 59_999, 60_000, 5 * 60_000 + 1, 3 * 3_600_000 + 7, 49 * 3_600_000];

  it.each<AgeUnit>(['second', 'minute'])(
    'goes back to where a label in %ss took its text, and no further',
    (finest) => {
      for (const age of ages) {
        const now = then + age;
        const since = ageTextSince(then, now, finest);
        expect(since).toBeLessThanOrEqual(now);
        expect(formatAge(then, since, finest)).toBe(formatAge(then, now, finest));
        // A moment earlier it said something else, unless it has said the same all along.
        if (since > -Infinity)
          expect(formatAge(then, since - 1, finest)).not.toBe(formatAge(then, now, finest));
      }
    },
  );

  it('counts from the stamp, in the unit the label shows', () => {
    expect(ageTextSince(then, then + 12_400)).toBe(then + 12_000);
    expect(ageTextSince(then, then + 12_400, 'minute')).toBe(-Infinity);
    expect(ageTextSince(then, then + 5 * 60_000 + 1)).toBe(then + 5 * 60_000);
    expect(ageTextSince(then, then + 49 * 3_600_000)).toBe(then + 48 * 3_600_000);
  });

  it('has a stamp ahead of the clock say "just now" since ever', () => {
    expect(ageTextSince(5_000, 4_000)).toBe(-Infinity);
  });
});
