import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { generateKeyPair, keyPairFrom, NoiseHandshake, type KeyPair } from '../pairing/noise';
import { PairingError } from '../pairing/pairingError';
import { SecureChannel } from '../pairing/secureChannel';
import { shortAuthenticationString } from '../pairing/sessionKeys';
import { decodeBridgeCode } from './bridgeInvite';
import {
  bridgePrologue,
  deriveBridgeSecrets,
  encodeFirstFrame,
  MESSAGE_2_LENGTH,
  type BridgeMode,
} from './bridgeKeys';
import {
  decodeDesktopMessage,
  encodeBridgeMessage,
  type BridgeRpcError,
  type DesktopMessage,
  ExtensionMessage,
} from './bridgeMessages';
import {
  CLOSE_NOT_PAIRED,
  nextFrame,
  openBridgeLink,
  type BridgeLink,
  type BridgeSocketConstructor,
} from './bridgeSocket';

export type { BridgeSocket, BridgeSocketConstructor } from './bridgeSocket';

/** What the extension keeps about the desktop it paired with; `browserKey` and `resumePsk` are secrets. */
export interface PairedDesktop {
  port: number;
  desktopKey: string;
  browserKey: string;
  browserId: string;
  resumePsk: string;
  desktopName: string;
}

export interface BridgeClientOptions {
  /** The global WebSocket of the service worker or of Node. */
  WebSocket: BridgeSocketConstructor;
  /** What the desktop lists this browser as, e.g. "Chromium on Linux". */
  name: string;
  load(): Promise<PairedDesktop | null>;
  save(desktop: PairedDesktop | null): Promise<void>;
}

export type BridgeStatus = 'unpaired' | 'connecting' | 'online' | 'offline';

const HANDSHAKE_TIMEOUT_MS = 10_000;
/** The desktop pings every 20 s; three missed pings mean the socket is dead even if TCP has not noticed. */
const SILENCE_LIMIT_MS = 60_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

const notConnected = (): BridgeRpcError => ({ code: 4900, message: 'Ledgerline is not connected.' });

interface Session {
  link: BridgeLink;
  channel: SecureChannel;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: BridgeRpcError): void;
}

interface PairingWait {
  desktop: Omit<PairedDesktop, 'desktopName'>;
  resolve(value: { desktopName: string }): void;
  reject(error: Error): void;
}

/**
 * The extension's end of the bridge: pairs with a code, resumes with what pairing left, and carries the
 * pages' provider requests to the desktop and its answers and events back. Every frame after the handshake
 * is sealed; the desktop's key is pinned from the code, so only that desktop can answer.
 */
export class BridgeClient {
  private session: Session | null = null;
  private desktop: PairedDesktop | null = null;
  private status: BridgeStatus = 'unpaired';
  private pairing: PairingWait | null = null;
  private readonly pending = new Map<string, Waiting>();
  private readonly listeners = {
    event: new Set<(origin: string, name: string, data: unknown) => void>(),
    sites: new Set<(windowEthereum: string[]) => void>(),
    status: new Set<(status: BridgeStatus) => void>(),
  };
  private nextId = 0;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private silence: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private connecting: Promise<void> | null = null;

  constructor(private readonly options: BridgeClientOptions) {}

  /** Starts a pairing from the code; resolves with the SAS once the desktop proved the psk. */
  async pair(code: string): Promise<{ sas: string; done: Promise<{ desktopName: string }> }> {
    const invite = decodeBridgeCode(code, Date.now());
    this.drop();
    this.clearRetry();
    this.stopped = false;
    const browserKey = generateKeyPair();
    const { session, sas, secrets } = await this.handshake(
      'pair',
      invite.port,
      invite.rendezvous,
      browserKey,
      invite.desktopKey,
      invite.psk,
    );
    const done = new Promise<{ desktopName: string }>((resolve, reject) => {
      this.pairing = {
        desktop: {
          port: invite.port,
          desktopKey: bytesToHex(invite.desktopKey),
          browserKey: bytesToHex(browserKey.secretKey),
          browserId: bytesToHex(secrets.browserId),
          resumePsk: bytesToHex(secrets.resumePsk),
        },
        resolve,
        reject,
      };
    });
    this.attach(session);
    this.send({ t: 'hello', name: this.options.name.slice(0, 60) });
    return { sas, done };
  }

  /** Resumes with the stored pairing; resolves once online. After a drop it reconnects with backoff. */
  connect(): Promise<void> {
    // A service worker may ask again while a resume is under way: both wait for the same one.
    this.connecting ??= this.resume().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async resume(): Promise<void> {
    this.stopped = false;
    this.desktop ??= await this.options.load();
    const desktop = this.desktop;
    if (!desktop) return this.setStatus('unpaired');
    if (this.session) return;
    this.clearRetry();
    this.setStatus('connecting');
    try {
      const { session } = await this.handshake(
        'resume',
        desktop.port,
        hexToBytes(desktop.browserId),
        keyPairFrom(hexToBytes(desktop.browserKey)),
        hexToBytes(desktop.desktopKey),
        hexToBytes(desktop.resumePsk),
      );
      const ready = nextFrame(session.link, HANDSHAKE_TIMEOUT_MS);
      session.link.send(seal(session, { t: 'resume' }));
      const answer = decodeDesktopMessage(opened(session, await ready));
      if (answer.t !== 'ready') throw new PairingError('invalid_message', 'Ledgerline answered out of turn.');
      this.failures = 0;
      this.attach(session);
      this.setStatus('online');
      this.emitSites(answer.windowEthereum);
    } catch (error) {
      if (error instanceof PairingError && error.code === 'revoked') await this.forget();
      else this.lost();
      throw error;
    }
  }

  request(origin: string, method: string, params: unknown): Promise<unknown> {
    if (this.status !== 'online' || !this.session) return Promise.reject(notConnected());
    const id = String(++this.nextId);
    const message = { t: 'request', id, origin, method, ...(params === undefined ? {} : { params }) };
    // The desktop drops the whole socket, every site of this browser with it, on a message that breaks the
    // protocol; one bad request is refused here instead, alone.
    const checked = ExtensionMessage.safeParse(message);
    if (!checked.success) {
      return Promise.reject({ code: -32600, message: 'The request has no valid origin or method name.' });
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.send(checked.data);
      } catch (error) {
        this.pending.delete(id);
        reject({ code: -32602, message: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  onEvent(listener: (origin: string, name: string, data: unknown) => void): () => void {
    return subscribe(this.listeners.event, listener);
  }

  onSites(listener: (windowEthereum: string[]) => void): () => void {
    return subscribe(this.listeners.sites, listener);
  }

  /** Calls the listener with the status now, then with each change. */
  onStatus(listener: (status: BridgeStatus) => void): () => void {
    listener(this.status);
    return subscribe(this.listeners.status, listener);
  }

  async unpair(): Promise<void> {
    this.close();
    await this.forget();
  }

  /** Stops for good (until the next connect or pair): no reconnects. */
  close(): void {
    this.stopped = true;
    this.clearRetry();
    this.drop();
    if (this.status !== 'unpaired') this.setStatus('offline');
  }

  private async handshake(
    mode: BridgeMode,
    port: number,
    rendezvous: Uint8Array,
    staticKey: KeyPair,
    desktopKey: Uint8Array,
    psk: Uint8Array,
  ) {
    const link = await openBridgeLink(this.options.WebSocket, port);
    try {
      const noise = new NoiseHandshake({
        role: 'initiator',
        prologue: bridgePrologue(mode, rendezvous),
        staticKey,
        remoteStatic: desktopKey,
        psk,
      });
      const reply = nextFrame(link, HANDSHAKE_TIMEOUT_MS);
      link.send(encodeFirstFrame(mode, rendezvous, noise.writeMessage()));
      const message2 = await reply;
      if (message2.length !== MESSAGE_2_LENGTH) {
        throw new PairingError('handshake_failed', 'Ledgerline answered the handshake with the wrong size.');
      }
      noise.readMessage(message2);
      const result = noise.split();
      const secrets = deriveBridgeSecrets(result);
      const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
      return { session: { link, channel }, secrets, sas: shortAuthenticationString(result) };
    } catch (error) {
      link.close(1000);
      throw error;
    }
  }

  private attach(session: Session): void {
    this.session = session;
    this.watchSilence();
    session.link.onFrame = (frame) => {
      try {
        this.watchSilence();
        const message = session.channel.open(frame);
        if (message) this.received(decodeDesktopMessage(message));
      } catch {
        session.link.close(1008);
      }
    };
    session.link.onClose = (code) => this.closed(session, code);
  }

  private received(message: DesktopMessage): void {
    switch (message.t) {
      case 'paired':
        return void this.paired(message.desktopName);
      case 'refused':
        this.pairing?.reject(new PairingError('codes_differ', message.reason));
        this.pairing = null;
        return this.drop();
      case 'response': {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(message.error);
        else waiting?.resolve(message.result ?? null);
        return;
      }
      case 'event':
        for (const listener of this.listeners.event) listener(message.origin, message.name, message.data);
        return;
      case 'sites':
        return this.emitSites(message.windowEthereum);
      case 'ready':
      case 'ping':
        return;
    }
  }

  private async paired(desktopName: string): Promise<void> {
    const pairing = this.pairing;
    if (!pairing) return;
    this.pairing = null;
    this.desktop = { ...pairing.desktop, desktopName };
    await this.options.save(this.desktop);
    this.failures = 0;
    this.setStatus('online');
    pairing.resolve({ desktopName });
  }

  private closed(session: Session, code: number): void {
    if (this.session !== session) return;
    this.session = null;
    this.clearSilence();
    for (const waiting of this.pending.values()) waiting.reject(notConnected());
    this.pending.clear();
    if (this.pairing) {
      this.pairing.reject(
        new PairingError('handshake_failed', 'Ledgerline closed the connection before pairing finished.'),
      );
      this.pairing = null;
    }
    if (code === CLOSE_NOT_PAIRED) void this.forget();
    else this.lost();
  }

  /** Offline while paired: try again later, waiting longer after each failure. */
  private lost(): void {
    if (!this.desktop) return this.setStatus('unpaired');
    this.setStatus('offline');
    if (this.stopped || this.retry) return;
    const delay = BACKOFF_MS[Math.min(this.failures++, BACKOFF_MS.length - 1)] as number;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => undefined);
    }, delay);
  }

  private async forget(): Promise<void> {
    this.desktop = null;
    this.drop();
    await this.options.save(null);
    this.setStatus('unpaired');
  }

  private drop(): void {
    const session = this.session;
    if (session) session.link.close(1000);
  }

  private send(message: ExtensionMessage): void {
    if (!this.session) throw new PairingError('handshake_failed', 'Ledgerline is not connected.');
    for (const frame of this.session.channel.seal(encodeBridgeMessage(message)))
      this.session.link.send(frame);
  }

  private emitSites(windowEthereum: string[]): void {
    for (const listener of this.listeners.sites) listener(windowEthereum);
  }

  private setStatus(status: BridgeStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.listeners.status) listener(status);
  }

  private watchSilence(): void {
    this.clearSilence();
    const session = this.session;
    this.silence = setTimeout(() => session?.link.close(1001), SILENCE_LIMIT_MS);
  }

  private clearSilence(): void {
    if (this.silence) clearTimeout(this.silence);
    this.silence = null;
  }

  private clearRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}

function seal(session: Session, message: ExtensionMessage): Uint8Array {
  const [frame] = session.channel.seal(encodeBridgeMessage(message));
  return frame as Uint8Array;
}

function opened(session: Session, frame: Uint8Array): Uint8Array {
  const message = session.channel.open(frame);
  if (!message) throw new PairingError('malformed_frame', 'Ledgerline split a short answer into chunks.');
  return message;
}

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => void set.delete(listener);
}
