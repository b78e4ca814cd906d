import { describe, expect, it } from 'vitest';
import { compactMoney, timeTickFormat } from './chartFormat';

const HOUR = 3_600_000;
const at = new Date(2026, 2, 14, 15, 30, 45);

describe('timeTickFormat', () => {
  it('names clock times within a day and dates beyond, months beyond a year', () => {
    const clock = timeTickFormat(6 * HOUR)(at);
    const days = timeTickFormat(30 * 24 * HOUR)(at);
    const months = timeTickFormat(800 * 24 * HOUR)(at);
    expect(clock).toMatch(/30/);
    expect(clock).not.toMatch(/14/);
    expect(days).toMatch(/14/);
    expect(days).not.toMatch(/30/);
    expect(months).toMatch(/2026/);
    expect(months).not.toMatch(/14/);
  });

  it('adds seconds when the chart spans a few minutes, so its ticks are told apart', () => {
    expect(timeTickFormat(5 * 60_000)(at)).toMatch(/45/);
    expect(timeTickFormat(6 * HOUR)(at)).not.toMatch(/45/);
  });
});

describe('compactMoney', () => {
  it('shortens large values in the currency', () => {
    expect(compactMoney(1234, 'USD')).toBe('$1.2K');
    expect(compactMoney(2_500_000, 'EUR')).toBe('€2.5M');
  });
});
