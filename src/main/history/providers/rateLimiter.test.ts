import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter';

function clocked(perSecond: number) {
  let now = 0;
  const slept: number[] = [];
  const limiter = new RateLimiter({
    perSecond,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  return { limiter, slept, advance: (ms: number) => (now += ms), at: () => now };
}

describe('RateLimiter', () => {
  it('lets a burst of its rate through, then spaces requests evenly', async () => {
    const { limiter, slept, at } = clocked(5);
    for (let i = 0; i < 5; i++) await limiter.take();
    expect(slept).toEqual([]);
    for (let i = 0; i < 5; i++) await limiter.take();
    expect(slept).toEqual([200, 200, 200, 200, 200]);
    expect(at()).toBe(1000);
  });

  it('refills while idle, but never beyond one burst', async () => {
    const { limiter, slept, advance } = clocked(2);
    await limiter.take();
    await limiter.take();
    advance(60_000);
    for (let i = 0; i < 3; i++) await limiter.take();
    expect(slept).toEqual([500]);
  });

  it('stops waiting when the caller gives up', async () => {
    const limiter = new RateLimiter({ perSecond: 1 });
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
