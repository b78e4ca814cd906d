/**
 * A provider's rate limit as its servers keep it: a bucket of `perSecond` requests (the burst a rested client
 * may send) refilled at `perSecond` a second. A request finding it empty is refused, and takes nothing.
 */
export class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond > 0)) throw new Error('A rate limit must allow some requests');
    this.tokens = perSecond;
    this.updated = now();
  }

  /** Whether one more request may be served now. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
