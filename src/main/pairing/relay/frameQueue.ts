export interface QueueLimits {
  framesPerRoute: number;
  bytesPerRoute: number;
  ttlMs: number;
  bytesTotal: number;
}

interface Entry {
  route: string;
  message: Uint8Array;
  size: number;
  at: number;
  live: boolean;
}

interface RouteQueue {
  entries: Entry[];
  bytes: number;
}

const EMPTY = new Uint8Array(0);

/**
 * Frames waiting for a route that nobody listens on. Besides each route's own queue, every entry sits in one
 * arrival-ordered list, so the globally oldest frame (for the total cap) and the expired ones (for the
 * sweep) are always at its head. Entries taken out of order are only marked dead there and skipped later.
 */
export class FrameQueues {
  private readonly routes = new Map<string, RouteQueue>();
  private order: Entry[] = [];
  private head = 0;
  private totalFrames = 0;
  private totalBytes = 0;

  constructor(private readonly limits: QueueLimits) {}

  /** False when the route's queue is full; `size` is what counts against the byte limits. */
  push(route: string, message: Uint8Array, size: number, now: number): boolean {
    let queue = this.routes.get(route);
    if (queue) this.expire(queue, now);
    else {
      queue = { entries: [], bytes: 0 };
      this.routes.set(route, queue);
    }
    if (
      queue.entries.length >= this.limits.framesPerRoute ||
      queue.bytes + size > this.limits.bytesPerRoute
    ) {
      if (queue.entries.length === 0) this.routes.delete(route);
      return false;
    }
    const entry: Entry = { route, message, size, at: now, live: true };
    queue.entries.push(entry);
    queue.bytes += size;
    this.order.push(entry);
    this.totalFrames += 1;
    this.totalBytes += size;
    while (this.totalBytes > this.limits.bytesTotal) this.evictOldest();
    return true;
  }

  /** Removes and returns the route's unexpired frames, oldest first. */
  take(route: string, now: number): Uint8Array[] {
    const queue = this.routes.get(route);
    if (!queue) return [];
    this.expire(queue, now);
    const messages = queue.entries.map((entry) => entry.message);
    this.drop(route);
    return messages;
  }

  drop(route: string): void {
    const queue = this.routes.get(route);
    if (!queue) return;
    for (const entry of queue.entries) this.release(entry);
    this.routes.delete(route);
  }

  sweep(now: number): void {
    for (let entry = this.order[this.head]; entry; entry = this.order[this.head]) {
      if (entry.live && now - entry.at < this.limits.ttlMs) break;
      if (entry.live) this.removeHead(entry);
      this.head += 1;
    }
    this.compact();
  }

  get frames(): number {
    return this.totalFrames;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private expire(queue: RouteQueue, now: number) {
    for (
      let entry = queue.entries[0];
      entry && now - entry.at >= this.limits.ttlMs;
      entry = queue.entries[0]
    ) {
      this.removeHead(entry);
    }
  }

  private evictOldest() {
    for (let entry = this.order[this.head]; entry; entry = this.order[this.head]) {
      this.head += 1;
      if (entry.live) {
        this.removeHead(entry);
        break;
      }
    }
    this.compact();
  }

  /** `entry` is the oldest of its route, because both orders are arrival order. */
  private removeHead(entry: Entry) {
    const queue = this.routes.get(entry.route);
    if (!queue) return;
    queue.entries.shift();
    queue.bytes -= entry.size;
    if (queue.entries.length === 0) this.routes.delete(entry.route);
    this.release(entry);
  }

  private release(entry: Entry) {
    entry.live = false;
    entry.message = EMPTY;
    this.totalFrames -= 1;
    this.totalBytes -= entry.size;
  }

  private compact() {
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
