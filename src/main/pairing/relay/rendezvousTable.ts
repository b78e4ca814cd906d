interface Entry<Owner> {
  owner: Owner;
  expiresAt: number;
}

/**
 * Open rendezvous and their owners. Every way an entry leaves (knock, withdrawal, expiry) goes through
 * `onRemove`, so the owner's per-socket bookkeeping cannot drift from the table.
 */
export class RendezvousTable<Owner> {
  private readonly entries = new Map<string, Entry<Owner>>();

  constructor(private readonly onRemove: (rendezvous: string, owner: Owner) => void) {}

  /** False when a live rendezvous with this id exists already, whoever owns it. */
  open(rendezvous: string, owner: Owner, expiresAt: number, now: number): boolean {
    if (this.live(rendezvous, now)) return false;
    this.entries.set(rendezvous, { owner, expiresAt });
    return true;
  }

  /** Single use: removes the rendezvous and returns its owner, or undefined when it is not open. */
  take(rendezvous: string, now: number): Owner | undefined {
    const entry = this.live(rendezvous, now);
    if (entry) this.remove(rendezvous, entry);
    return entry?.owner;
  }

  /** Only the owner may withdraw a rendezvous; anyone else's attempt changes nothing. */
  close(rendezvous: string, owner: Owner): void {
    const entry = this.entries.get(rendezvous);
    if (entry?.owner === owner) this.remove(rendezvous, entry);
  }

  sweep(now: number): void {
    for (const [rendezvous, entry] of this.entries) {
      if (entry.expiresAt <= now) this.remove(rendezvous, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private live(rendezvous: string, now: number): Entry<Owner> | undefined {
    const entry = this.entries.get(rendezvous);
    if (!entry || entry.expiresAt > now) return entry;
    this.remove(rendezvous, entry);
    return undefined;
  }

  private remove(rendezvous: string, entry: Entry<Owner>) {
    this.entries.delete(rendezvous);
    this.onRemove(rendezvous, entry.owner);
  }
}
