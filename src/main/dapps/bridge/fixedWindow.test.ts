import { describe, expect, it } from 'vitest';
import { FixedWindow } from './fixedWindow';

describe('a fixed window', () => {
  it('allows the limit per window and starts over in the next', () => {
    let now = 10_000;
    const window = new FixedWindow(2, () => now);
    expect([window.take(), window.take(), window.take()]).toEqual([true, true, false]);
    now += 999;
    expect(window.take()).toBe(false);
    now += 1;
    expect([window.take(), window.take(), window.take()]).toEqual([true, true, false]);
  });
});
