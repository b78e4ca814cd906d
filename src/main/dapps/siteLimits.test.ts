import { describe, expect, it } from 'vitest';
import { ProviderError } from './providerError';
import { SiteLimits } from './siteLimits';

describe('SiteLimits', () => {
  const takeAll = (limits: SiteLimits, origin: string, count: number) => {
    let taken = 0;
    for (let i = 0; i < count; i++) {
      try {
        limits.take(origin);
        taken++;
      } catch (error) {
        expect(error).toBeInstanceOf(ProviderError);
        expect((error as ProviderError).code).toBe(-32005);
      }
    }
    return taken;
  };

  it('lets a site burst to 200, then 50 a second, each site on its own', () => {
    let now = 0;
    const limits = new SiteLimits(() => now);
    expect(takeAll(limits, 'https://a.example', 300)).toBe(200);
    expect(takeAll(limits, 'https://b.example', 10)).toBe(10);
    now += 500;
    expect(takeAll(limits, 'https://a.example', 300)).toBe(25);
    now += 60_000;
    expect(takeAll(limits, 'https://a.example', 300)).toBe(200);
  });

  it('keeps its memory bounded when many sites pass by', () => {
    const limits = new SiteLimits(() => 0, { burst: 2, perSecond: 1 });
    for (let i = 0; i < 5000; i++) takeAll(limits, `https://s${i}.example`, 1);
    // A site never seen still gets its whole burst, and a busy one keeps its own count.
    expect(takeAll(limits, 'https://new.example', 5)).toBe(2);
    expect(takeAll(limits, 'https://s4999.example', 5)).toBe(1);
    expect((limits as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(1000);
  });
});
