import type { QueueAccount } from './frameQueue';

interface AddressEntry {
  sockets: number;
  queue: QueueAccount;
}

/**
 * What each remote address holds on the relay: its open sockets and the bytes queued on its behalf. An
 * address is forgotten only once it holds neither, so closing and reopening sockets never resets its queue
 * allowance.
 */
export class AddressBook {
  private readonly entries = new Map<string, AddressEntry>();

  constructor(
    private readonly socketsPerAddress: number,
    private readonly queueBytesPerAddress: number,
  ) {}

  /** Whether one more socket from `address` fits; asked before the upgrade, so a refusal costs no socket. */
  hasRoom(address: string): boolean {
    return (this.entries.get(address)?.sockets ?? 0) < this.socketsPerAddress;
  }

  arrive(address: string): void {
    this.entry(address).sockets += 1;
  }

  leave(address: string): void {
    const entry = this.entries.get(address);
    if (entry) entry.sockets = Math.max(0, entry.sockets - 1);
  }

  /** The account the address's queued frames are charged to. */
  queue(address: string): QueueAccount {
    return this.entry(address).queue;
  }

  sweep(): void {
    for (const [address, entry] of this.entries) {
      if (entry.sockets === 0 && entry.queue.bytes === 0) this.entries.delete(address);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private entry(address: string): AddressEntry {
    let entry = this.entries.get(address);
    if (!entry) {
      entry = { sockets: 0, queue: { bytes: 0, limit: this.queueBytesPerAddress } };
      this.entries.set(address, entry);
    }
    return entry;
  }
}
