import { describe, expect, it } from 'vitest';
import { formatCountdown, remainingAt } from './countdown';

describe('formatCountdown', () => {
  it('rounds up to whole seconds and pads them', () => {
    expect(formatCountdown(120_000)).toBe('2:00');
    expect(formatCountdown(114_001)).toBe('1:55');
    expect(formatCountdown(5_000)).toBe('0:05');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
  });
});

describe('remainingAt', () => {
  it('counts whole seconds up from the exact time, and stops at zero', () => {
    const expiresAt = 1_000_000;
    expect(remainingAt(expiresAt, expiresAt - 300_000)).toBe(300_000);
    expect(remainingAt(expiresAt, expiresAt - 299_001)).toBe(300_000);
    expect(remainingAt(expiresAt, expiresAt - 299_000)).toBe(299_000);
    expect(remainingAt(expiresAt, expiresAt - 1)).toBe(1_000);
    expect(remainingAt(expiresAt, expiresAt)).toBe(0);
    expect(remainingAt(expiresAt, expiresAt + 5_000)).toBe(0);
  });
});
