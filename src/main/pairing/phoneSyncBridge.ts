import { base64urlnopad } from '@scure/base';
import type { DesktopMessage, PhoneMessage } from '../../shared/pairing/messages';
import type { SyncOp } from '../../shared/sync/syncOps';
import type { Logger } from '../log';
import type { SyncPeer } from '../sync/syncService';
import type { PhoneSession } from './phoneSessions';

/** Sync blobs per message: each is at least 512 bytes, and a message is chunked by the channel anyway. */
const SYNC_BLOBS_PER_MESSAGE = 32;

/** What pairing needs of state sync; see SyncService. */
export interface PhoneSync {
  groupFor(): Promise<{ ring: string; roster: SyncOp[] }>;
  addPhone(phone: {
    id: string;
    name: string;
    sign: string;
    box: string;
    fingerprint: string;
  }): Promise<void>;
  attachPeer(peer: SyncPeer, has: Readonly<Record<string, number>>): () => void;
  receive(blobs: readonly Uint8Array[], source: 'relay'): Promise<void>;
  removePhone(fingerprint: string): Promise<void>;
}

export type PhoneSyncMessage = Extract<PhoneMessage, { t: 'syncHello' | 'syncMember' | 'syncBlobs' }>;

export interface PhoneSyncBridgeOptions {
  /** Absent where state sync is not wired: then phones are paired without it. */
  sync?: PhoneSync;
  transmit(session: PhoneSession, message: DesktopMessage): void;
  phoneName(fingerprint: string): string;
  log: Logger;
}

/** Carries state sync between the desktop's sync group and its paired phones, over their sessions. */
export class PhoneSyncBridge {
  constructor(private readonly options: PhoneSyncBridgeOptions) {}

  /** A phone that just paired learns the group it is to join. */
  async welcome(session: PhoneSession): Promise<void> {
    const sync = this.options.sync;
    if (sync) this.options.transmit(session, { t: 'syncGroup', ...(await sync.groupFor()) });
  }

  received(session: PhoneSession, fingerprint: string, message: PhoneSyncMessage): void {
    void this.handle(session, fingerprint, message).catch((error: unknown) =>
      this.options.log.warn('a phone sync message failed', { error: String(error) }),
    );
  }

  /** The phone leaves the sync group too, and the group key rotates: it reads nothing written from now on. */
  removed(fingerprint: string): void {
    void this.options.sync
      ?.removePhone(fingerprint)
      .catch((error: unknown) =>
        this.options.log.warn('the revoked phone could not be removed from sync', { error: String(error) }),
      );
  }

  /**
   * Each connection: the current ring and roster first (a phone offline during a key rotation gets the new key
   * this way, over its authenticated channel), then the blobs it lacks, then whatever sync writes next.
   */
  private async handle(session: PhoneSession, fingerprint: string, message: PhoneSyncMessage): Promise<void> {
    const sync = this.options.sync;
    if (!sync) return;
    if (message.t === 'syncMember') {
      const name = this.options.phoneName(fingerprint);
      await sync.addPhone({ id: message.id, name, sign: message.sign, box: message.box, fingerprint });
      return;
    }
    if (message.t === 'syncBlobs') {
      await sync.receive(
        message.blobs.map((blob) => base64urlnopad.decode(blob)),
        'relay',
      );
      return;
    }
    this.options.transmit(session, { t: 'syncGroup', ...(await sync.groupFor()) });
    session.detachSync?.();
    session.detachSync = sync.attachPeer(
      { fingerprint, send: (blobs) => this.send(session, blobs) },
      message.has,
    );
  }

  private send(session: PhoneSession, blobs: readonly Uint8Array[]): void {
    for (let start = 0; start < blobs.length; start += SYNC_BLOBS_PER_MESSAGE) {
      const batch = blobs.slice(start, start + SYNC_BLOBS_PER_MESSAGE);
      this.options.transmit(session, {
        t: 'syncBlobs',
        blobs: batch.map((blob) => base64urlnopad.encode(blob)),
      });
    }
  }
}
