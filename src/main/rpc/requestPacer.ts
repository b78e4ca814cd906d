export interface RequestPacerOptions {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** How long the rate it learned holds before it tries one more request a second. */
const RECOVERY_MS = 10_000;
/** Below what was sent in the second before a refusal, so the provider's bucket can refill. */
const BACKOFF = 0.8;

/**
 * Paces one endpoint's POSTs once it said "too many requests" (HTTP 429, -32005): until then requests go at
 * once; from then on evenly spaced at a little under the rate that was refused, which creeps back up while
 * no refusal comes, so a passing limit does not slow the endpoint for good. Callers wait in order, each for
 * the slot it was given.
 */
export class RequestPacer {
  private readonly sleep: RequestPacerOptions['sleep'];
  private readonly now: () => number;
  private readonly sent: number[] = [];
  private learned: number | null = null;
  private refusedAt = 0;
  /** When the next request may go out. */
  private next = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: RequestPacerOptions) {
    this.sleep = options.sleep;
    this.now = options.now ?? (() => performance.now());
  }

  /** Requests a second it allows now, or null while no limit was seen. */
  get perSecond(): number | null {
    if (this.learned === null) return null;
    return this.learned + Math.floor((this.now() - this.refusedAt) / RECOVERY_MS);
  }

  /** Resolves when one more request may go out. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.wait(signal));
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** The endpoint refused a request as one too many. */
  refused(): void {
    const now = this.now();
    const lastSecond = this.sent.filter((at) => at > now - 1_000).length;
    const rate = Math.max(1, Math.floor(lastSecond * BACKOFF));
    this.learned = Math.min(this.perSecond ?? rate, rate);
    this.refusedAt = now;
    // A pause of one slot first, so the provider's own bucket refills a little.
    this.next = now + 1000 / this.learned;
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = this.now();
    const rate = this.perSecond;
    if (rate !== null) {
      const slot = Math.max(now, this.next);
      this.next = slot + 1000 / rate;
      if (slot > now) await this.sleep(Math.ceil(slot - now), signal);
    }
    this.record(this.now());
  }

  private record(now: number): void {
    this.sent.push(now);
    while ((this.sent[0] ?? now) <= now - 1_000) this.sent.shift();
  }
}
