import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RateLimiterOptions {
  /** Requests per second, and the burst a rested limiter allows. */
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A token bucket: explorers' free tiers count calls per second and answer a burst with "rate limit". Callers
 * are served in the order they asked, so chains that share a limit take turns.
 */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private tokens: number;
  private updated: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new Error('A rate limit must allow some requests');
    this.perSecond = options.perSecond;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.tokens = options.perSecond;
    this.updated = this.now();
  }

  /** Resolves when one more request may go out. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.wait(signal));
    // A caller that gave up does not hold up the ones behind it.
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
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

const shared = new Map<string, RateLimiter>();

/**
 * One limiter per API and key for the whole process: Etherscan's v2 key is one limit across every chain it
 * serves, so each chain's provider must draw from the same bucket. The first provider's options make it.
 */
export function sharedRateLimiter(key: string, options: RateLimiterOptions): RateLimiter {
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new RateLimiter(options);
    shared.set(key, limiter);
  }
  return limiter;
}
