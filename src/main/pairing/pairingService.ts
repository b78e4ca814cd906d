import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';
import type { PairingView } from '../../shared/pairing';
import type { TxReview } from '../../shared/review';
import type { ConnectRelay } from '../../shared/pairing/relayLink';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { SignatureParts, UnsignedTransaction } from '../signers/signer';
import type { Repositories } from '../store/repositories';
import type { Vault } from '../vault/vault';
import { PairedPhones } from './pairedPhones';
import { PairingAttempts } from './pairingAttempts';
import { PairingKeys } from './pairingKeys';
import { PhoneConnections } from './phoneConnections';
import type { PhonePairing, PhonePairingsRepository } from './phonePairingsRepository';
import { PhoneRequests, type PhoneRequestStatus } from './phoneRequests';
import { phoneReview } from './phoneReview';
import { PhoneSessions } from './phoneSessions';
import type { PhoneSync } from './phoneSyncBridge';
import { RelayHost, type RunningRelay } from './relayHost';
import { checkPhoneSafeSignature, type SafeSignFields, safeSignRequest } from './safeSignRequest';
import { signRequest } from './signRequest';

export type { PhoneSync, RunningRelay };

export interface PairingServiceOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  pairings: PhonePairingsRepository;
  vault: Pick<Vault, 'get' | 'put' | 'delete'>;
  events: EventHub;
  log: Logger;
  /** The network the desktop is on, which the phone compares with each request's chain. */
  activeChainId: () => number;
  startRelay(host: string, port: number): Promise<RunningRelay>;
  connectRelay: ConnectRelay;
  /** Where the relay listens before the user picks: the first LAN address, else loopback. */
  relayHost?: string;
  relayPort?: number;
  desktopName?: string;
  now?: () => number;
  requestTtlMs?: number;
  onAccountsChanged?: () => void;
  /** State sync: paired phones join its group and receive its blobs through their sessions. */
  sync?: PhoneSync;
  /** The vault's pairing secrets, shared with the browser bridge, which pins the same desktop key. */
  keys?: PairingKeys;
}

/**
 * The desktop's side of phone pairing: the relay it runs, QR invites, the handshakes, the paired phones and
 * their sessions, and the signing requests routed to them. Nothing a phone sends is trusted before it opens
 * under the session's keys, and nothing it says changes stored state outside a transaction. The parts do the
 * work; this front wires them and answers the API.
 */
export class PairingService {
  private readonly desktopName: string;
  private readonly phones: PairedPhones;
  private readonly requests: PhoneRequests;
  private readonly sessions: PhoneSessions;
  private readonly relay: RelayHost;
  private readonly attempts: PairingAttempts;
  private readonly connections: PhoneConnections;

  constructor(private readonly options: PairingServiceOptions) {
    const { db, repositories, pairings, log, events } = options;
    const now = options.now ?? Date.now;
    const link = () => this.relay.link;
    const changed = () => void this.changed();
    const keys = options.keys ?? new PairingKeys(options.vault);
    this.desktopName = (options.desktopName ?? `Ledgerline on ${hostname()}`).slice(0, 40);
    this.phones = new PairedPhones({ db, repositories, pairings, now });
    this.requests = new PhoneRequests({
      now,
      ttlMs: options.requestTtlMs,
      deliver: (fingerprint, message) => this.sessions.deliver(fingerprint, message),
    });
    this.sessions = new PhoneSessions({
      link,
      now,
      log,
      fromPairingPhone: (session, message) => this.attempts.received(session, message),
      fromPhone: (session, message, first) => this.connections.received(session, message, first),
    });
    this.relay = new RelayHost({
      ...options,
      knocked: (rendezvous, replyRoute, handshake) => void this.knocked(rendezvous, replyRoute, handshake),
      deliver: (route, frame) => this.sessions.received(route, frame),
      connected: () => this.connections.openInboxes(),
      stopping: () => this.sessions.clear(),
      changed,
    });
    this.connections = new PhoneConnections({
      link,
      pairings,
      phones: this.phones,
      keys,
      sessions: this.sessions,
      requests: this.requests,
      sync: options.sync,
      log,
      accountsChanged: () => {
        events.emit('accounts.changed', repositories.accounts.list());
        options.onAccountsChanged?.();
      },
      changed,
    });
    this.attempts = new PairingAttempts({
      link,
      keys,
      sessions: this.sessions,
      store: (phone) => this.phones.add(phone),
      paired: (session, inbox) => this.connections.paired(session, inbox),
      desktopName: this.desktopName,
      now,
      log,
      changed,
    });
  }

  /** Starts the relay when phones are paired already, so they can reconnect without a visit to Pairing. */
  async resume(): Promise<void> {
    if (this.options.pairings.list().length > 0) await this.relay.ensure();
  }

  async status(): Promise<PairingView> {
    return this.view();
  }

  async start(): Promise<PairingView> {
    await this.relay.ensure();
    const { relay, link } = this.relay.running();
    await this.attempts.start(relay, link);
    return this.changed();
  }

  async confirm(id: string, matches: boolean): Promise<PairingView> {
    await this.attempts.confirm(id, matches);
    return this.changed();
  }

  cancel(id: string): PairingView {
    this.attempts.cancel(id);
    return this.changed();
  }

  /** Refuses the phone at once: its session ends, its inboxes close, and its account and keys go. */
  async revoke(fingerprint: string): Promise<PairingView> {
    if (!this.options.pairings.get(fingerprint))
      throw new ApiError('not_found', 'That phone is not paired with this wallet.');
    this.connections.revoke(fingerprint);
    return this.changed();
  }

  async setRelay(host: string, port: number): Promise<PairingView> {
    await this.relay.move(host, port);
    return this.changed();
  }

  /** For the signers service: the phone signs, or the request waits, expires, or is cancelled. */
  signTransaction(
    request: { id: string; fingerprint: string; transaction: UnsignedTransaction; review: TxReview | null },
    onStatus: (status: PhoneRequestStatus, expiresAt: number) => void,
  ): Promise<SignatureParts> {
    const { id, fingerprint, transaction } = request;
    const phone = this.phones.signingPhone(fingerprint);
    void this.relay.ensure();
    const desktopChainId = this.options.activeChainId();
    const review = request.review && phoneReview(request.review);
    const message = signRequest({ id, desktop: this.desktopName, desktopChainId, transaction, review });
    return this.requests.sign(fingerprint, phone.name, message, onStatus);
  }

  /**
   * For the signers service: the phone co-signs a Safe transaction as one of its owners, with the same
   * waiting, expiry, retry and cancel as a transaction. Its signature counts only if it recovers to the
   * phone's paired address over `safeTxHash`.
   */
  async signSafeTransaction(
    request: { id: string; fingerprint: string; message: SafeSignFields },
    onStatus: (status: PhoneRequestStatus, expiresAt: number) => void,
  ): Promise<SignatureParts> {
    const { id, fingerprint, message: fields } = request;
    const phone = this.phones.signingPhone(fingerprint);
    // signingPhone has refused a phone that is not paired, so its pairing is there.
    const { address } = this.options.pairings.get(fingerprint) as PhonePairing;
    const desktopChainId = this.options.activeChainId();
    const message = safeSignRequest({ id, desktop: this.desktopName, desktopChainId, fields });
    void this.relay.ensure();
    const signature = await this.requests.sign(fingerprint, phone.name, message, onStatus);
    return checkPhoneSafeSignature(fields.safeTxHash, signature, { name: phone.name, address });
  }

  /** Whether the id was a phone request; a cancelled request is withdrawn from the phone too. */
  cancelRequest(id: string): boolean {
    if (!this.requests.cancel(id)) return false;
    this.sessions.sendToPairedPhones({ t: 'cancel', id });
    return true;
  }

  retryRequest(id: string): void {
    this.requests.retry(id);
  }

  async close(): Promise<void> {
    this.attempts.end();
    await this.relay.stop();
  }

  /** A knock on the QR code's rendezvous is a pairing; any other is a paired phone resuming. */
  private async knocked(
    rendezvous: Uint8Array,
    replyRoute: Uint8Array,
    handshake: Uint8Array,
  ): Promise<void> {
    const shown = this.attempts.shownWith(rendezvous);
    try {
      if (!(await this.attempts.handshake(rendezvous, replyRoute, handshake)))
        await this.connections.resume(rendezvous, replyRoute, handshake);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log.warn('a handshake was refused', { reason });
      if (shown) this.attempts.handshakeFailed(shown, reason);
    }
  }

  private view(): PairingView {
    return {
      relay: this.relay.view(),
      attempt: this.attempts.view(),
      phones: this.phones.views((fingerprint) => this.sessions.online(fingerprint)),
    };
  }

  private changed(): PairingView {
    const view = this.view();
    this.options.events.emit('pairing.changed', view);
    return view;
  }
}
