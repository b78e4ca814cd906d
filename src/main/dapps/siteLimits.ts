import { limitExceeded } from './providerError';

export interface RateLimit {
  /** Requests a site may send in a burst. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
}

/**
 * A dApp's first screen reads balances, allowances and blocks in one burst (wagmi pages send a hundred or
 * more reads on load); a site that keeps this up for seconds is flooding, not loading.
 */
export const SITE_RATE: RateLimit = { burst: 200, perSecond: 50 };
/** Buckets kept at once; a full bucket says nothing a new one would not, so those go first. */
const MAX_BUCKETS = 1000;

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per origin, so one busy page cannot crowd out the others or the wallet's own reads. */
export class SiteLimits {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number,
    private readonly rate: RateLimit = SITE_RATE,
  ) {}

  /** Takes one request's token, or refuses with -32005. */
  take(origin: string): void {
    const now = this.now();
    const bucket = this.refilled(origin, now);
    if (bucket.tokens < 1) throw limitExceeded();
    bucket.tokens -= 1;
  }

  private refilled(origin: string, now: number): Bucket {
    const { burst, perSecond } = this.rate;
    const bucket = this.buckets.get(origin);
    if (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      return bucket;
    }
    if (this.buckets.size >= MAX_BUCKETS) this.forgetFull(now);
    const fresh = { tokens: burst, at: now };
    this.buckets.set(origin, fresh);
    return fresh;
  }

  private forgetFull(now: number): void {
    const { burst, perSecond } = this.rate;
    for (const [origin, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) this.buckets.delete(origin);
    }
    // Still full of busy sites: the oldest entry goes, so the map stays bounded.
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
