import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
  it('rounds up to whole seconds and pads them', () => {
    expect(formatCountdown(120_000)).toBe('2:00');
    expect(formatCountdown(114_001)).toBe('1:55');
    expect(formatCountdown(5_000)).toBe('0:05');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
  });
});
