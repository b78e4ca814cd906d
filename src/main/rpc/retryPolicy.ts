export interface RetryPolicy {
  /** Tries per request, across endpoints; a refused endpoint does not use one up. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/**
 * "Equal jitter": at least half the exponential delay, so retries back off, plus a random half, so clients
 * that failed together do not retry together.
 */
export function retryDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  return cap / 2 + (random() * cap) / 2;
}
