import { describe, expect, it } from 'vitest';
import { formatAge } from './age';

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
});
