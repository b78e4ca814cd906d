import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { parseInviteUrl } from '../../shared/pairing/invite';
import {
  decodeDesktopMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
  type SignRequestMessage,
} from '../../shared/pairing/messages';
import { generateKeyPair, keyPairFrom, NoiseHandshake } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { ConnectRelay, RelayLink } from '../../shared/pairing/relayLink';
import { RelayErrorCode } from '../../shared/pairing/relayWire';
import { SecureChannel } from '../../shared/pairing/secureChannel';
import {
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
  type HandshakeMode,
} from '../../shared/pairing/sessionKeys';
import { phoneAccount, requestDigest, signPhoneTransaction } from '../core/phoneKeys';
import type { PairedDesktop, PhoneState } from '../core/phoneState';
import {
  applySyncBlobs,
  applySyncGroup,
  inRoster,
  memberOf,
  nameFor,
  namesFor,
  newSyncReplica,
  syncHas,
  type SyncedName,
  type SyncedNames,
} from '../core/phoneSync';
import { requestTransaction } from '../core/signRequest';

/** The unlocked phone state and a way to persist it: the companion's vault, or memory in tests. */
export interface PhoneStateStore {
  readonly state: PhoneState;
  save(state: PhoneState): Promise<void>;
}

export interface PhoneClientOptions {
  store: PhoneStateStore;
  connectRelay: ConnectRelay;
  now?: () => number;
  /** How long to wait for the desktop's handshake answer (10 s by default). */
  answerTimeoutMs?: number;
  /** How often a live session tells the desktop the phone is still there (20 s by default; 0 never). */
  pingMs?: number;
}

/** A signing request the phone holds until the user approves or rejects it. */
export interface PendingRequest {
  desktopId: string;
  request: SignRequestMessage;
  receivedAt: number;
}

/** A pairing whose handshake is done, waiting for the user to compare the codes. */
export interface PendingPairing {
  code: string;
  /** Sends the code this phone showed; resolves when the desktop confirmed too. */
  confirm(shownCode: string): Promise<PairedDesktop>;
  /** The codes differ: tells the desktop and forgets everything learned in this pairing. */
  reject(): void;
}

interface Session {
  desktopId: string;
  link: RelayLink;
  channel: SecureChannel;
  timer: ReturnType<typeof setInterval> | null;
}

type Waiter = { resolve(bytes: Uint8Array): void; reject(error: Error): void };

/** Sync problems kept per desktop, newest last: enough to show what went wrong, not a log. */
const MAX_SYNC_ISSUES = 20;

const RESPONSE_TIMEOUT =
  'The desktop did not answer. Check that it shows the pairing page and is on this network.';

/**
 * The phone's side of the pairing protocol, without any UI: the companion page drives it, and tests run
 * it in Node as a headless phone. Keys never leave it; it signs only the transaction it was sent and showed.
 */
export class PhoneClient {
  private readonly sessions = new Map<string, Session>();
  private readonly pending = new Map<string, PendingRequest>();
  private readonly listeners = new Set<() => void>();
  private readonly issues = new Map<string, string[]>();
  /** Every write of the state, in order: each one starts from the state the previous one saved. */
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: PhoneClientOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): PhoneState {
    return this.options.store.state;
  }

  /** Called on every change the UI shows: requests, desktops, connections. Returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requests(): PendingRequest[] {
    return [...this.pending.values()].sort((a, b) => a.receivedAt - b.receivedAt);
  }

  online(desktopId: string): boolean {
    return this.sessions.has(desktopId);
  }

  /** The labels and address book entries synced from a desktop; empty before its first sync. */
  names(desktopId: string): SyncedNames {
    return namesFor(this.findDesktop(desktopId)?.sync);
  }

  /** The synced name of an address on a chain, from a desktop's address book or labels; null if none. */
  nameFor(desktopId: string, address: string, chainId: number | null): SyncedName | null {
    return nameFor(this.findDesktop(desktopId)?.sync, address, chainId);
  }

  /** What went wrong syncing with a desktop since the page opened (refused blobs, damaged keys), oldest first. */
  syncIssues(desktopId: string): string[] {
    return [...(this.issues.get(desktopId) ?? [])];
  }

  /** Runs the pairing handshake from the QR's URL; the user then compares the code on both screens. */
  async pair(url: string): Promise<PendingPairing> {
    const invite = parseInviteUrl(url, this.now());
    const phoneStatic = generateKeyPair();
    const desktopId = bytesToHex(invite.desktopKey);
    const { link, channel, secrets, handshakeHash, inbox } = await this.handshake({
      relay: invite.relay,
      mode: 'pair',
      rendezvous: invite.rendezvous,
      desktopKey: invite.desktopKey,
      psk: invite.psk,
      phoneStatic: phoneStatic.secretKey,
      desktopId,
    });
    const code = shortAuthenticationString({ handshakeHash });
    const address = phoneAccount(this.state.mnemonic).address;
    this.transmit(link, channel, { t: 'hello', v: 1, phone: { name: this.state.phoneName, address } });
    let settled = false;
    const finish = () => {
      settled = true;
      inbox.dispose();
    };
    return {
      code,
      confirm: async (shownCode) => {
        if (settled) throw new PairingError('invalid_message', 'This pairing is already over.');
        this.transmit(link, channel, { t: 'confirm', sas: shownCode });
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
          this.syncHello(desktopId);
          return desktop;
        } catch (error) {
          finish();
          link.disconnect();
          throw error;
        }
      },
      reject: () => {
        if (settled) return;
        this.transmit(link, channel, { t: 'abort', reason: 'The codes differ on the phone.' });
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
    const { link, channel, secrets, inbox } = await this.handshake({
      relay: desktop.relay,
      mode: 'resume',
      rendezvous: hexToBytes(desktop.inbox),
      desktopKey: hexToBytes(desktop.desktopKey),
      psk: hexToBytes(desktop.resumePsk),
      phoneStatic: hexToBytes(desktop.phoneStaticPrivate),
      desktopId,
    });
    inbox.dispose();
    // The next handshake's secrets are kept before anything else happens, so a crash cannot strand the phone.
    await this.updateDesktop(desktopId, (current) => ({
      ...current,
      resumePsk: bytesToHex(secrets.resumePsk),
      inbox: bytesToHex(secrets.inbox),
      lastSeenAt: this.now(),
    }));
    this.transmit(link, channel, { t: 'resume', v: 1 });
    this.attach(desktopId, link, channel);
    this.syncHello(desktopId);
  }

  /** Signs the very transaction the request carried (the one the UI showed) and sends the signature. */
  async approve(id: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) throw new PairingError('invalid_message', 'That request is no longer waiting.');
    if (entry.request.expiresAt <= this.now()) {
      this.pending.delete(id);
      this.changed();
      throw new PairingError('request_expired', 'This request expired. Ask the desktop to send it again.');
    }
    const tx = requestTransaction(entry.request);
    const signature = signPhoneTransaction(this.state.mnemonic, tx);
    await this.remember({ id, digest: requestDigest(tx), signature, answeredAt: this.now() });
    this.pending.delete(id);
    this.send(entry.desktopId, { t: 'signed', id, signature });
    this.changed();
  }

  async reject(id: string, reason = 'Rejected on the phone.'): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return;
    const tx = requestTransaction(entry.request);
    await this.remember({ id, digest: requestDigest(tx), signature: null, answeredAt: this.now() });
    this.pending.delete(id);
    this.send(entry.desktopId, { t: 'rejected', id, reason });
    this.changed();
  }

  /** Stops signing for a desktop: tells it when connected, and forgets the session keys either way. */
  async revoke(desktopId: string): Promise<void> {
    this.desktop(desktopId);
    if (this.sessions.has(desktopId)) this.send(desktopId, { t: 'revoke' });
    this.detach(desktopId);
    await this.updateDesktop(desktopId, revoked);
  }

  disconnect(): void {
    for (const desktopId of [...this.sessions.keys()]) this.detach(desktopId);
  }

  private async handshake(target: {
    relay: string;
    mode: HandshakeMode;
    rendezvous: Uint8Array;
    desktopKey: Uint8Array;
    psk: Uint8Array;
    phoneStatic: Uint8Array;
    desktopId: string;
  }) {
    const replyRoute = randomBytes(16);
    let answer: Waiter | null = null;
    let session: { channel: SecureChannel } | null = null;
    const inbox = new MessageInbox();
    const link = await this.options.connectRelay(target.relay, {
      deliver: (route, frame) => {
        if (answer && equal(route, replyRoute)) {
          answer.resolve(frame);
          answer = null;
        } else if (session && equal(route, session.channel.route)) {
          this.receive(target.desktopId, session.channel, frame, inbox);
        }
      },
      error: (code, _id, message) => {
        const error =
          code === RelayErrorCode.unknownRendezvous
            ? target.mode === 'pair'
              ? new PairingError(
                  'relay_refused',
                  'This QR code was already used or has expired. Show a new one.',
                )
              : new PairingError(
                  'revoked',
                  'The desktop does not accept this phone any more: it revoked it, or the pairing expired. Pair again.',
                )
            : new PairingError('relay_refused', `The relay refused: ${message}`);
        if (answer) answer.reject(error);
        answer = null;
      },
      closed: () => {
        answer?.reject(new PairingError('relay_unreachable', 'The connection to the desktop closed.'));
        answer = null;
        if (session && this.sessions.get(target.desktopId)?.channel === session.channel) {
          this.detach(target.desktopId);
        }
      },
    });
    try {
      const noise = new NoiseHandshake({
        role: 'initiator',
        prologue: handshakePrologue(target.mode, target.rendezvous),
        staticKey: keyPairFrom(target.phoneStatic),
        remoteStatic: target.desktopKey,
        psk: target.psk,
      });
      link.listen(replyRoute);
      const reply = new Promise<Uint8Array>((resolve, reject) => {
        answer = { resolve, reject };
        setTimeout(
          () => reject(new PairingError('relay_unreachable', RESPONSE_TIMEOUT)),
          this.options.answerTimeoutMs ?? 10_000,
        );
      });
      link.knock(target.rendezvous, replyRoute, noise.writeMessage());
      const message = await reply;
      noise.readMessage(message);
      const result = noise.split();
      const secrets = deriveSessionSecrets(result);
      const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
      session = { channel };
      link.unlisten(replyRoute);
      link.listen(secrets.route);
      return { link, channel, secrets, handshakeHash: result.handshakeHash, inbox };
    } catch (error) {
      link.disconnect();
      throw error;
    }
  }

  private attach(desktopId: string, link: RelayLink, channel: SecureChannel): void {
    const pingMs = this.options.pingMs ?? 20_000;
    const timer = pingMs > 0 ? setInterval(() => this.send(desktopId, { t: 'ping' }), pingMs) : null;
    this.sessions.set(desktopId, { desktopId, link, channel, timer });
    this.changed();
  }

  private detach(desktopId: string): void {
    const session = this.sessions.get(desktopId);
    if (!session) return;
    this.sessions.delete(desktopId);
    if (session.timer) clearInterval(session.timer);
    session.link.disconnect();
    for (const [id, entry] of this.pending) if (entry.desktopId === desktopId) this.pending.delete(id);
    this.changed();
  }

  /** Frames from the desktop; anything that fails to open is dropped, and the session goes on. */
  private receive(desktopId: string, channel: SecureChannel, frame: Uint8Array, inbox: MessageInbox): void {
    let message: DesktopMessage;
    try {
      const bytes = channel.open(frame);
      if (!bytes) return;
      message = decodeDesktopMessage(bytes);
    } catch {
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
      this.noteIssue(desktopId, error instanceof Error ? error.message : String(error)),
    );
  }

  private async handle(desktopId: string, message: DesktopMessage): Promise<void> {
    switch (message.t) {
      case 'sign':
        return this.offer(desktopId, message);
      case 'cancel':
        if (this.pending.get(message.id)?.desktopId === desktopId) {
          this.pending.delete(message.id);
          this.changed();
        }
        return;
      case 'revoke': {
        this.desktop(desktopId);
        this.detach(desktopId);
        await this.updateDesktop(desktopId, revoked);
        return;
      }
      case 'syncGroup':
        return this.onSyncGroup(desktopId, message);
      case 'syncBlobs':
        return this.onSyncBlobs(desktopId, message.blobs);
      default:
        return;
    }
  }

  /**
   * The desktop's ring and roster. The first one creates this phone's sync identity, saved before it is sent;
   * it is sent again whenever the roster does not list it, e.g. after the first answer was lost.
   */
  private async onSyncGroup(
    desktopId: string,
    group: Extract<DesktopMessage, { t: 'syncGroup' }>,
  ): Promise<void> {
    const outcome: { announce?: ReturnType<typeof memberOf> } = {};
    await this.persist((state) => {
      const desktop = state.desktops.find((entry) => entry.id === desktopId);
      if (!desktop || desktop.status !== 'active') return null;
      const sync = desktop.sync ? applySyncGroup(desktop.sync, group) : newSyncReplica(group);
      if (!inRoster(sync)) outcome.announce = memberOf(sync.device);
      return withDesktop(state, { ...desktop, sync });
    });
    this.changed();
    if (outcome.announce && this.sessions.has(desktopId)) {
      this.send(desktopId, { t: 'syncMember', ...outcome.announce });
    }
  }

  /** Blobs from the desktop: applied in order; refused ones are noted and the rest still apply. */
  private async onSyncBlobs(desktopId: string, blobs: readonly string[]): Promise<void> {
    const refused: string[] = [];
    await this.persist((state) => {
      const desktop = state.desktops.find((entry) => entry.id === desktopId);
      if (!desktop || desktop.status !== 'active') return null;
      if (!desktop.sync) {
        refused.push(
          'Synced data arrived before the sync keys, so it was ignored; it comes again next time.',
        );
        return null;
      }
      const { replica, report } = applySyncBlobs(desktop.sync, blobs);
      refused.push(...report.refused.map((entry) => entry.message));
      if (report.applied === 0 && report.heads === 0) return null;
      return withDesktop(state, { ...desktop, sync: replica });
    });
    for (const message of refused) this.noteIssue(desktopId, message);
    this.changed();
  }

  /** Tells the desktop which blobs the phone holds, once the writes before it are saved. */
  private syncHello(desktopId: string): void {
    void this.writes.then(() => {
      if (!this.sessions.has(desktopId)) return;
      try {
        this.send(desktopId, { t: 'syncHello', has: syncHas(this.findDesktop(desktopId)?.sync) });
      } catch (error) {
        this.noteIssue(desktopId, error instanceof Error ? error.message : String(error));
      }
    });
  }

  private noteIssue(desktopId: string, message: string): void {
    this.issues.set(desktopId, [...(this.issues.get(desktopId) ?? []), message].slice(-MAX_SYNC_ISSUES));
  }

  /** A retried id gets the answer given before; the same id with other content is refused. */
  private async offer(desktopId: string, request: SignRequestMessage): Promise<void> {
    const digest = requestDigest(requestTransaction(request));
    const answered = this.state.answered.find((entry) => entry.id === request.id);
    if (answered) {
      if (answered.digest !== digest) {
        this.send(desktopId, {
          t: 'rejected',
          id: request.id,
          reason: 'This request id was used for another transaction.',
        });
      } else if (answered.signature) {
        this.send(desktopId, { t: 'signed', id: request.id, signature: answered.signature });
      } else {
        this.send(desktopId, { t: 'rejected', id: request.id, reason: 'Rejected on the phone.' });
      }
      return;
    }
    if (request.expiresAt <= this.now()) {
      this.send(desktopId, {
        t: 'rejected',
        id: request.id,
        reason: 'The request expired before the phone saw it.',
      });
      return;
    }
    const held = this.pending.get(request.id);
    if (held && requestDigest(requestTransaction(held.request)) !== digest) {
      this.send(desktopId, {
        t: 'rejected',
        id: request.id,
        reason: 'This request id was used for another transaction.',
      });
      return;
    }
    this.pending.set(request.id, { desktopId, request, receivedAt: held?.receivedAt ?? this.now() });
    this.changed();
  }

  private send(desktopId: string, message: PhoneMessage): void {
    const session = this.sessions.get(desktopId);
    if (!session) throw new PairingError('relay_unreachable', 'Not connected to that desktop.');
    this.transmit(session.link, session.channel, message);
  }

  private transmit(link: RelayLink, channel: SecureChannel, message: PhoneMessage): void {
    for (const frame of channel.seal(encodeMessage(message))) link.send(channel.route, frame);
  }

  private findDesktop(desktopId: string): PairedDesktop | undefined {
    return this.state.desktops.find((entry) => entry.id === desktopId);
  }

  private desktop(desktopId: string): PairedDesktop {
    const desktop = this.findDesktop(desktopId);
    if (!desktop) throw new PairingError('unknown_phone', 'This phone is not paired with that desktop.');
    return desktop;
  }

  /**
   * Saves a state computed from the one the previous write saved (null: nothing to save), so writes that
   * overlap, such as sync messages arriving while a request is answered, never undo one another.
   */
  private persist(update: (state: PhoneState) => PhoneState | null): Promise<void> {
    const run = this.writes.then(async () => {
      const next = update(this.state);
      if (next !== null) await this.options.store.save(next);
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async saveDesktop(desktop: PairedDesktop): Promise<void> {
    await this.persist((state) => withDesktop(state, desktop));
    this.changed();
  }

  private async updateDesktop(
    desktopId: string,
    update: (desktop: PairedDesktop) => PairedDesktop,
  ): Promise<void> {
    await this.persist((state) => {
      const desktop = state.desktops.find((entry) => entry.id === desktopId);
      return desktop ? withDesktop(state, update(desktop)) : null;
    });
    this.changed();
  }

  private async remember(answer: PhoneState['answered'][number]): Promise<void> {
    await this.persist((state) => ({
      ...state,
      answered: [...state.answered.filter((entry) => entry.id !== answer.id), answer].slice(-200),
    }));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Messages that arrive while a pairing waits for the user, handed out in order. */
class MessageInbox {
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

function withDesktop(state: PhoneState, desktop: PairedDesktop): PhoneState {
  return { ...state, desktops: [...state.desktops.filter((entry) => entry.id !== desktop.id), desktop] };
}

/** Revoked: the keys it would resume with and its sync replica (with the phone's sync keys) are wiped. */
function revoked(desktop: PairedDesktop): PairedDesktop {
  const { sync: _wiped, ...rest } = desktop;
  return { ...rest, status: 'revoked', resumePsk: '', phoneStaticPrivate: '' };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
