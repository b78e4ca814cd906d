/** One message the relay double holds for a topic until a subscriber acknowledges it or its ttl runs out. */
export interface HeldMessage {
  readonly topic: string;
  readonly message: string;
  readonly publishedAt: number;
  readonly tag: number;
  readonly attestation?: string;
  /** The publishing client, which never gets its own message back. */
  readonly from: string;
  readonly expiresAt: number;
}

export interface MailboxLimits {
  readonly messagesPerTopic: number;
  readonly topics: number;
}

/**
 * What the relay keeps between a publish and the moment a subscriber takes the message: a dApp publishes its
 * proposal before the wallet has subscribed, and a wallet that was offline fetches what it missed.
 */
export class RelayMailbox {
  private readonly byTopic = new Map<string, HeldMessage[]>();

  constructor(
    private readonly limits: MailboxLimits,
    private readonly now: () => number = Date.now,
  ) {}

  hold(held: HeldMessage): void {
    const list = this.live(held.topic);
    if (list.length === 0 && !this.byTopic.has(held.topic) && this.byTopic.size >= this.limits.topics) {
      this.dropExpired();
      // Still full: the oldest topic gives way, so a long test run can never wedge the double.
      const oldest = this.byTopic.keys().next();
      if (this.byTopic.size >= this.limits.topics && oldest.done !== true) this.byTopic.delete(oldest.value);
    }
    if (list.some((m) => m.message === held.message)) return;
    list.push(held);
    if (list.length > this.limits.messagesPerTopic) list.shift();
    this.byTopic.set(held.topic, list);
  }

  /** The live messages of a topic, oldest first. */
  peek(topic: string): readonly HeldMessage[] {
    return this.live(topic);
  }

  /** Removes a message once a subscriber has acknowledged it. */
  take(topic: string, message: string): void {
    const list = this.live(topic).filter((m) => m.message !== message);
    if (list.length === 0) this.byTopic.delete(topic);
    else this.byTopic.set(topic, list);
  }

  private live(topic: string): HeldMessage[] {
    const now = this.now();
    return (this.byTopic.get(topic) ?? []).filter((m) => m.expiresAt > now);
  }

  private dropExpired(): void {
    for (const topic of [...this.byTopic.keys()]) {
      if (this.live(topic).length === 0) this.byTopic.delete(topic);
    }
  }
}
