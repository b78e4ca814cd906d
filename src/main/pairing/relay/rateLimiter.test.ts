import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter';

describe('RateLimiter', () => {
  it('allows `limit` attempts per key per window', () => {
    const limiter = new RateLimiter(2, 1000, 10);
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 10)).toBe(true);
    expect(limiter.take('a', 20)).toBe(false);
    expect(limiter.take('b', 20)).toBe(true);
    expect(limiter.take('a', 999)).toBe(false);
    expect(limiter.take('a', 1000)).toBe(true);
  });

  it('forgets expired windows on sweep', () => {
    const limiter = new RateLimiter(1, 1000, 10);
    limiter.take('a', 0);
    limiter.take('b', 500);
    limiter.sweep(1200);
    expect(limiter.size).toBe(1);
    limiter.sweep(1500);
    expect(limiter.size).toBe(0);
  });

  it('caps the number of keys by forgetting the oldest', () => {
    const limiter = new RateLimiter(1, 1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key, 0);
    expect(limiter.size).toBe(3);
    expect(limiter.take('a', 1)).toBe(true);
    expect(limiter.take('d', 1)).toBe(false);
  });
});
