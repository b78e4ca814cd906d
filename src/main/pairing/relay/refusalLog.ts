import type { Logger } from '../../log';

/**
 * Refusal log lines, at most `linesPerWindow` per window. Refusals are what a flood produces, and one line per
 * refused message would let anyone on the LAN fill the wallet's log; the rest of a window is summed up in one
 * line when the next window begins.
 */
export class RefusalLog {
  private windowStart = -Infinity;
  private lines = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly linesPerWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** `code` is the refusal's error name: the only detail of a refusal the relay may log. */
  refused(message: string, code?: string): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) {
        this.log.warn('relay refused more messages than it logs', { count: this.suppressed });
      }
      this.windowStart = now;
      this.lines = 0;
      this.suppressed = 0;
    }
    if (this.lines < this.linesPerWindow) {
      this.lines += 1;
      this.log.warn(message, code === undefined ? {} : { code });
    } else this.suppressed += 1;
  }
}
