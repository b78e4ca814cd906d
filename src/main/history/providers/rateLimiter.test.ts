import { describe, expect, it } from 'vitest';
import { RateLimiter, sharedRateLimiter } from './rateLimiter';

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

  it('serves waiting callers in the order they asked', async () => {
    const { limiter } = clocked(1);
    await limiter.take();
    const served: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => limiter.take().then(() => served.push(name))));
    expect(served).toEqual(['a', 'b', 'c']);
  });

  it('lets a caller behind one that gave up go on', async () => {
    const { limiter, slept } = clocked(1);
    await limiter.take();
    const controller = new AbortController();
    controller.abort();
    const gaveUp = limiter.take(controller.signal);
    const next = limiter.take();
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' });
    await next;
    expect(slept).toEqual([1000]);
  });
});

describe('sharedRateLimiter', () => {
  it('gives every provider of the same API and key one limiter, and another key its own', () => {
    const key = `https://explorer.test ${Math.random()}`;
    const first = sharedRateLimiter(key, { perSecond: 5 });
    expect(sharedRateLimiter(key, { perSecond: 5 })).toBe(first);
    expect(sharedRateLimiter(`${key}-other`, { perSecond: 5 })).not.toBe(first);
  });
});
