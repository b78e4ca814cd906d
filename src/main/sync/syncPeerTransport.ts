import type { SyncBlobsRepository } from './syncBlobsRepository';
import type { SyncRoster } from './syncRoster';
import type { SyncStateRepository } from './syncStateRepository';

/** A device connected live (a paired phone through the relay), to which new blobs are pushed. */
export interface SyncPeer {
  /** The phone's pairing fingerprint. */
  fingerprint: string;
  send(blobs: Uint8Array[]): void;
}

export interface SyncPeerTransportOptions {
  blobs: Pick<SyncBlobsRepository, 'after' | 'from'>;
  roster: Pick<SyncRoster, 'members' | 'active'>;
  state: SyncStateRepository;
}

/**
 * Sync with devices online: one that connects gets what it lacks, and every blob stored here after that is
 * pushed to each, except the ones it wrote itself.
 */
export class SyncPeerTransport {
  private readonly peers = new Map<string, SyncPeer>();

  constructor(private readonly options: SyncPeerTransportOptions) {}

  get connected(): boolean {
    return this.peers.size > 0;
  }

  /** The peer says how far it got per origin; answers the function that detaches it. */
  attach(peer: SyncPeer, has: Readonly<Record<string, number>>): () => void {
    const { blobs, roster } = this.options;
    this.peers.set(peer.fingerprint, peer);
    const missing = roster.active().flatMap((member) => blobs.from(member.id, has[member.id] ?? 0));
    if (missing.length > 0) peer.send(missing);
    return () => {
      if (this.peers.get(peer.fingerprint) === peer) this.peers.delete(peer.fingerprint);
    };
  }

  drop(fingerprint: string): void {
    this.peers.delete(fingerprint);
  }

  /** Sends every blob stored since the last push to each peer online. */
  push(): void {
    if (this.peers.size === 0) return;
    const { blobs, roster, state } = this.options;
    const since = state.get<number | null>('pushed', null) ?? 0;
    const rows = blobs.after(since);
    if (rows.length === 0) return;
    const members = roster.members();
    for (const peer of this.peers.values()) {
      const own = members.find((member) => member.fingerprint === peer.fingerprint)?.id;
      const sent = rows.filter((row) => row.origin !== own).map((row) => row.bytes);
      if (sent.length > 0) peer.send(sent);
    }
    state.set('pushed', rows.at(-1)?.rowid ?? since);
  }

  /** What was pushed no longer matches the blobs here. */
  forgetProgress(): void {
    this.options.state.set('pushed', null);
  }
}
