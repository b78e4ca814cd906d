import { describe, expect, it } from 'vitest';
import { clip, dateText, listText, untilText } from './typedDataWords';

describe('typed-data words', () => {
  it('writes dates as d Mon yyyy in UTC, whatever the local zone', () => {
    expect(dateText(Date.UTC(2027, 0, 5, 23, 59) / 1000)).toBe('5 Jan 2027');
    expect(dateText(0)).toBe('1 Jan 1970');
    expect(untilText(Date.UTC(2026, 11, 31) / 1000)).toBe('until 31 Dec 2026');
    expect(untilText(null)).toBe('with no end date');
  });

  it('lists up to three items, then counts the rest', () => {
    expect(listText([])).toBe('nothing');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B'])).toBe('A and B');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listText(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });

  it('clips to a bound with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });
});
