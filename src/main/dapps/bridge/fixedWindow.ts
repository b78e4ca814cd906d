/** Counts events in one-second windows: `take` is false once `limit` were taken in the current window. */
export class FixedWindow {
  private start = -Infinity;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly windowMs = 1000,
  ) {}

  take(): boolean {
    const now = this.now();
    if (now - this.start >= this.windowMs) {
      this.start = now;
      this.count = 0;
    }
    if (this.count >= this.limit) return false;
    this.count++;
    return true;
  }
}
