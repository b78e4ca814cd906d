/**
 * Runs a pass again and again, one at a time, each after the pause the previous pass asked for. `hurry` brings
 * the next pass forward to `soonMs` from now, for news (a send) that must not wait out a long pause; a pass
 * under way when hurried is followed after at most `soonMs`. The pass reports its own failures; one that
 * rejects anyway is tried again after `soonMs` rather than ending the loop.
 */
export class PassLoop {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = 0;
  private running = false;
  private hurried = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly soonMs: number,
  ) {}

  start(firstDelayMs: number): void {
    this.wait(firstDelayMs);
  }

  hurry(): void {
    if (this.stopped) return;
    if (this.running) {
      this.hurried = true;
      return;
    }
    if (this.timer && this.dueAt - Date.now() > this.soonMs) {
      clearTimeout(this.timer);
      this.wait(this.soonMs);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private wait(delayMs: number): void {
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    const next = await this.pass().catch(() => this.soonMs);
    this.running = false;
    if (this.stopped) return;
    this.wait(this.hurried ? Math.min(next, this.soonMs) : next);
    this.hurried = false;
  }
}
