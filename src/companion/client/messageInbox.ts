import type { DesktopMessage } from '../../shared/pairing/messages';
import { PairingError } from '../../shared/pairing/pairingError';

/** Messages that arrive while a pairing waits for the user, handed out in order. */
export class MessageInbox {
  private readonly queue: DesktopMessage[] = [];
  private waiter: ((message: DesktopMessage) => void) | null = null;

  push(message: DesktopMessage): void {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(message);
    } else this.queue.push(message);
  }

  next(timeoutMs: number, timeoutMessage: string): Promise<DesktopMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new PairingError('relay_unreachable', timeoutMessage));
      }, timeoutMs);
      this.waiter = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  /** Takes the messages that arrived after the one awaited, in order. */
  drain(): DesktopMessage[] {
    return this.queue.splice(0);
  }

  dispose(): void {
    this.waiter = null;
    this.queue.length = 0;
  }
}
