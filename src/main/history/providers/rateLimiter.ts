import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RateLimiterOptions {
  /** Requests per second, and the burst a rested limiter allows. */
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A token bucket: explorers' free tiers count calls per second and answer a burst with "rate limit". */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private tokens: number;
  private updated: number;

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new Error('A rate limit must allow some requests');
    this.perSecond = options.perSecond;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.tokens = options.perSecond;
    this.updated = this.now();
  }

  /** Resolves when one more request may go out. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
      this.updated = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000), signal);
    }
  }
}
