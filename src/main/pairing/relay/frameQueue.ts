export interface QueueLimits {
  framesPerRoute: number;
  bytesPerRoute: number;
  ttlMs: number;
  bytesTotal: number;
  framesTotal: number;
}

/** Someone a queued frame is charged to (its sending socket, its address); `limit` caps `bytes`. */
export interface QueueAccount {
  bytes: number;
  readonly limit: number;
}

/**
 * What a queued frame costs besides its bytes: the entry, its place in two lists, the message's own
 * ArrayBuffer and, for a frame that opens a route, the route's map entry. Before frames were charged it,
 * 300,000 empty frames to fresh routes grew the relay's process by 294 MB on Node 24, about 1 KB each.
 */
export const QUEUED_FRAME_OVERHEAD = 1024;

/** What a queued message counts against every byte limit. */
export const queuedCost = (message: Uint8Array): number => message.length + QUEUED_FRAME_OVERHEAD;

interface Entry {
  route: string;
  message: Uint8Array;
  cost: number;
  accounts: readonly QueueAccount[];
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
 * arrival-ordered list, so the globally oldest frame (for the total caps) and the expired ones (for the
 * sweep) are always at its head. Entries taken out of order are only marked dead there and skipped later.
 */
export class FrameQueues {
  private readonly routes = new Map<string, RouteQueue>();
  private order: Entry[] = [];
  private head = 0;
  private totalFrames = 0;
  private totalBytes = 0;

  constructor(private readonly limits: QueueLimits) {}

  /**
   * False when the route's queue, or one of the accounts it is charged to, has no room for it. Past the
   * relay-wide caps the oldest frames of any route go instead: those caps are the last line, the per-account
   * ones keep any one sender from reaching them.
   */
  push(route: string, message: Uint8Array, accounts: readonly QueueAccount[], now: number): boolean {
    const cost = queuedCost(message);
    const queue = this.routes.get(route);
    if (queue) this.expire(queue, now);
    const entries = queue?.entries.length ?? 0;
    if (
      entries >= this.limits.framesPerRoute ||
      (queue?.bytes ?? 0) + cost > this.limits.bytesPerRoute ||
      accounts.some((account) => account.bytes + cost > account.limit)
    ) {
      return false;
    }
    const target = this.routes.get(route) ?? { entries: [], bytes: 0 };
    this.routes.set(route, target);
    const entry: Entry = { route, message, cost, accounts, at: now, live: true };
    target.entries.push(entry);
    target.bytes += cost;
    for (const account of accounts) account.bytes += cost;
    this.order.push(entry);
    this.totalFrames += 1;
    this.totalBytes += cost;
    while (this.totalBytes > this.limits.bytesTotal || this.totalFrames > this.limits.framesTotal) {
      this.evictOldest();
    }
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
    queue.bytes -= entry.cost;
    if (queue.entries.length === 0) this.routes.delete(entry.route);
    this.release(entry);
  }

  private release(entry: Entry) {
    entry.live = false;
    entry.message = EMPTY;
    for (const account of entry.accounts) account.bytes -= entry.cost;
    this.totalFrames -= 1;
    this.totalBytes -= entry.cost;
  }

  private compact() {
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
