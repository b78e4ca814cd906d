import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { parseInviteUrl } from '../../shared/pairing/invite';
import {
  decodeDesktopMessage,
  SAS_PATTERN,
  type DesktopMessage,
  type PhoneMessage,
} from '../../shared/pairing/messages';
import { generateKeyPair } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { ConnectRelay, RelayLink } from '../../shared/pairing/relayLink';
import type { SecureChannel } from '../../shared/pairing/secureChannel';
import { shortAuthenticationString } from '../../shared/pairing/sessionKeys';
import { phoneAccount } from '../core/phoneKeys';
import { type PageVisibility, PhoneSigningKey } from '../core/phoneSigningKey';
import { unreadableRequestAnswer } from '../core/signRequest';
import type { PairedDesktop, PhoneState } from '../core/phoneState';
import type { SyncedName, SyncedNames } from '../core/phoneSync';
import { type DesktopTarget, openDesktopLink, transmit } from './desktopLink';
import { DesktopSessions } from './desktopSessions';
import { DesktopSync } from './desktopSync';
import { MessageInbox } from './messageInbox';
import { type PhoneStateStore, PhoneStateWriter, revoked } from './phoneStateWriter';
import { type PendingRequest, SigningRequests } from './signingRequests';

export type { PhoneStateStore } from './phoneStateWriter';
export type { PendingRequest } from './signingRequests';

export interface PhoneClientOptions {
  store: PhoneStateStore;
  connectRelay: ConnectRelay;
  now?: () => number;
  /** How long to wait for the desktop's handshake answer (10 s by default). */
  answerTimeoutMs?: number;
  /** How often a live session tells the desktop the phone is still there (20 s by default; 0 never). */
  pingMs?: number;
  /** The page's visibility, so a key left unused in a hidden page is dropped; none in Node. */
  visibility?: PageVisibility;
}

/** A pairing whose handshake is done, waiting for the user to compare the codes. */
export interface PendingPairing {
  code: string;
  /** Sends the code this phone showed; resolves when the desktop confirmed too. */
  confirm(shownCode: string): Promise<PairedDesktop>;
  /** The codes differ: tells the desktop and forgets everything learned in this pairing. */
  reject(): void;
}

/**
 * The phone's side of the pairing protocol, without any UI: the companion page drives it, and tests run
 * it in Node as a headless phone. Keys never leave it; it signs only the transaction it was sent and showed.
 */
export class PhoneClient {
  private readonly sessions: DesktopSessions;
  private readonly listeners = new Set<() => void>();
  private readonly requestsWaiting: SigningRequests;
  private readonly sync: DesktopSync;
  private readonly writer: PhoneStateWriter;
  private readonly now: () => number;

  constructor(private readonly options: PhoneClientOptions) {
    this.now = options.now ?? Date.now;
    this.writer = new PhoneStateWriter(options.store);
    this.sessions = new DesktopSessions(options.pingMs ?? 20_000);
    const send = (desktopId: string, message: PhoneMessage) => this.sessions.send(desktopId, message);
    const changed = () => this.changed();
    const signingKey = new PhoneSigningKey(options.visibility);
    // The derived key goes with the phrase it came from: when the vault forgets one, the other goes too.
    options.store.onLock?.(() => signingKey.lock());
    this.requestsWaiting = new SigningRequests({
      writer: this.writer,
      signingKey,
      send,
      changed,
      now: this.now,
    });
    this.sync = new DesktopSync({
      writer: this.writer,
      online: (desktopId) => this.sessions.has(desktopId),
      send,
      changed,
    });
  }

  get state(): PhoneState {
    return this.writer.state;
  }

  /** Called on every change the UI shows: requests, desktops, connections. Returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requests(): PendingRequest[] {
    return this.requestsWaiting.list();
  }

  online(desktopId: string): boolean {
    return this.sessions.has(desktopId);
  }

  /** The labels and address book entries synced from a desktop; empty before its first sync. */
  names(desktopId: string): SyncedNames {
    return this.sync.names(desktopId);
  }

  /** The synced name of an address on a chain, from a desktop's address book or labels; null if none. */
  nameFor(desktopId: string, address: string, chainId: number | null): SyncedName | null {
    return this.sync.nameFor(desktopId, address, chainId);
  }

  /** What went wrong syncing with a desktop since the page opened (refused blobs, damaged keys), oldest first. */
  syncIssues(desktopId: string): string[] {
    return this.sync.issuesWith(desktopId);
  }

  /** Runs the pairing handshake from the QR's URL; the user then compares the code on both screens. */
  async pair(url: string): Promise<PendingPairing> {
    const invite = parseInviteUrl(url, this.now());
    const phoneStatic = generateKeyPair();
    const desktopId = bytesToHex(invite.desktopKey);
    const { link, channel, secrets, handshakeHash, inbox } = await this.handshake(
      {
        relay: invite.relay,
        mode: 'pair',
        rendezvous: invite.rendezvous,
        desktopKey: invite.desktopKey,
        psk: invite.psk,
        phoneStatic: phoneStatic.secretKey,
      },
      desktopId,
    );
    const code = shortAuthenticationString({ handshakeHash });
    const address = phoneAccount(this.state.mnemonic).address;
    transmit(link, channel, { t: 'hello', v: 1, phone: { name: this.state.phoneName, address } });
    let settled = false;
    const finish = () => {
      settled = true;
      inbox.dispose();
    };
    return {
      code,
      confirm: async (shownCode) => {
        if (settled) throw new PairingError('invalid_message', 'This pairing is already over.');
        // The desktop refuses any other form, so a malformed code would only leave both sides waiting.
        if (!SAS_PATTERN.test(shownCode))
          throw new PairingError('invalid_message', 'The code to confirm is six digits.');
        transmit(link, channel, { t: 'confirm', sas: shownCode });
        try {
          const answer = await inbox.next(5 * 60_000, 'The desktop did not confirm the code in time.');
          if (answer.t === 'abort') throw new PairingError('codes_differ', answer.reason);
          if (answer.t !== 'paired')
            throw new PairingError('invalid_message', 'The desktop answered out of turn.');
          const desktop: PairedDesktop = {
            id: desktopId,
            name: answer.desktop.name,
            relay: invite.relay,
            desktopKey: desktopId,
            phoneStaticPrivate: bytesToHex(phoneStatic.secretKey),
            resumePsk: bytesToHex(secrets.resumePsk),
            inbox: bytesToHex(secrets.inbox),
            pairedAt: this.now(),
            lastSeenAt: this.now(),
            status: 'active',
          };
          await this.saveDesktop(desktop);
          // Whatever the desktop sent right after \`paired\` (its sync group) is handled once the session is up.
          const early = inbox.drain();
          finish();
          this.attach(desktopId, link, channel);
          for (const message of early) this.dispatch(desktopId, message);
          this.sync.hello(desktopId);
          return desktop;
        } catch (error) {
          finish();
          link.disconnect();
          throw error;
        }
      },
      reject: () => {
        if (settled) return;
        transmit(link, channel, { t: 'abort', reason: 'The codes differ on the phone.' });
        finish();
        link.disconnect();
      },
    };
  }

  /** Reconnects to a paired desktop: a new handshake, fresh keys, and the next inbox and resume key. */
  async connect(desktopId: string): Promise<void> {
    if (this.sessions.has(desktopId)) return;
    const desktop = this.desktop(desktopId);
    if (desktop.status !== 'active') {
      throw new PairingError(
        'revoked',
        `${desktop.name} no longer accepts this phone. Pair again to sign for it.`,
      );
    }
    const { link, channel, secrets, inbox } = await this.handshake(
      {
        relay: desktop.relay,
        mode: 'resume',
        rendezvous: hexToBytes(desktop.inbox),
        desktopKey: hexToBytes(desktop.desktopKey),
        psk: hexToBytes(desktop.resumePsk),
        phoneStatic: hexToBytes(desktop.phoneStaticPrivate),
      },
      desktopId,
    );
    inbox.dispose();
    // The next handshake's secrets are kept before anything else happens, so a crash cannot strand the phone.
    await this.updateDesktop(desktopId, (current) => ({
      ...current,
      resumePsk: bytesToHex(secrets.resumePsk),
      inbox: bytesToHex(secrets.inbox),
      lastSeenAt: this.now(),
    }));
    transmit(link, channel, { t: 'resume', v: 1 });
    this.attach(desktopId, link, channel);
    this.sync.hello(desktopId);
  }

  /** Signs the very content the request carried (the one the UI showed) and sends the signature. */
  approve(id: string): Promise<void> {
    return this.requestsWaiting.approve(id);
  }

  reject(id: string, reason = 'Rejected on the phone.'): Promise<void> {
    return this.requestsWaiting.reject(id, reason);
  }

  /** Stops signing for a desktop: tells it when connected, and forgets the session keys either way. */
  async revoke(desktopId: string): Promise<void> {
    this.desktop(desktopId);
    if (this.sessions.has(desktopId)) this.send(desktopId, { t: 'revoke' });
    this.detach(desktopId);
    await this.updateDesktop(desktopId, revoked);
  }

  disconnect(): void {
    for (const desktopId of this.sessions.ids()) this.detach(desktopId);
  }

  /** Handshakes with a desktop; what arrives before its session is attached waits in the inbox. */
  private async handshake(target: DesktopTarget, desktopId: string) {
    const inbox = new MessageInbox();
    const opened = await openDesktopLink(this.options.connectRelay, target, {
      answerTimeoutMs: this.options.answerTimeoutMs ?? 10_000,
      frame: (channel, frame) => this.receive(desktopId, channel, frame, inbox),
      closed: (channel) => {
        if (this.sessions.runsOn(desktopId, channel)) this.detach(desktopId);
      },
    });
    return { ...opened, inbox };
  }

  private attach(desktopId: string, link: RelayLink, channel: SecureChannel): void {
    this.sessions.attach(desktopId, link, channel);
    this.changed();
  }

  /** Requests from a desktop go with its session: it cannot hear their answers any more. */
  private detach(desktopId: string): void {
    if (!this.sessions.detach(desktopId)) return;
    this.requestsWaiting.dropFrom(desktopId);
    this.changed();
  }

  /** Frames from the desktop; anything that fails to open is dropped, and the session goes on. */
  private receive(desktopId: string, channel: SecureChannel, frame: Uint8Array, inbox: MessageInbox): void {
    let bytes: Uint8Array | null;
    let message: DesktopMessage;
    try {
      bytes = channel.open(frame);
      if (!bytes) return;
    } catch {
      return;
    }
    try {
      message = decodeDesktopMessage(bytes);
    } catch (failure) {
      const answer = unreadableRequestAnswer(bytes, failure);
      if (answer && this.sessions.runsOn(desktopId, channel)) this.send(desktopId, answer);
      return;
    }
    if (!this.sessions.has(desktopId)) {
      inbox.push(message);
      return;
    }
    this.dispatch(desktopId, message);
  }

  /** Handles a message; a failure is noted for the desktop and never escapes the frame handler. */
  private dispatch(desktopId: string, message: DesktopMessage): void {
    this.handle(desktopId, message).catch((error: unknown) =>
      this.sync.noteIssue(desktopId, error instanceof Error ? error.message : String(error)),
    );
  }

  private async handle(desktopId: string, message: DesktopMessage): Promise<void> {
    switch (message.t) {
      case 'sign':
      case 'safeSign':
        return this.requestsWaiting.offer(desktopId, message);
      case 'cancel':
        return this.requestsWaiting.cancel(desktopId, message.id);
      case 'revoke': {
        this.desktop(desktopId);
        this.detach(desktopId);
        await this.updateDesktop(desktopId, revoked);
        return;
      }
      case 'syncGroup':
        return this.sync.group(desktopId, message);
      case 'syncBlobs':
        return this.sync.blobs(desktopId, message.blobs);
      default:
        return;
    }
  }

  private send(desktopId: string, message: PhoneMessage): void {
    this.sessions.send(desktopId, message);
  }

  private findDesktop(desktopId: string): PairedDesktop | undefined {
    return this.state.desktops.find((entry) => entry.id === desktopId);
  }

  private desktop(desktopId: string): PairedDesktop {
    const desktop = this.findDesktop(desktopId);
    if (!desktop) throw new PairingError('unknown_phone', 'This phone is not paired with that desktop.');
    return desktop;
  }

  private async saveDesktop(desktop: PairedDesktop): Promise<void> {
    await this.writer.saveDesktop(desktop);
    this.changed();
  }

  private async updateDesktop(
    desktopId: string,
    update: (desktop: PairedDesktop) => PairedDesktop,
  ): Promise<void> {
    await this.writer.updateDesktop(desktopId, update);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
