import { bytesToHex } from '@noble/hashes/utils.js';
import {
  bridgePrologue,
  decodeFirstFrame,
  deriveBridgeSecrets,
  type BridgeSecrets,
} from '../../../shared/bridge/bridgeKeys';
import {
  decodeExtensionMessage,
  encodeBridgeMessage,
  type DesktopMessage,
  type ExtensionMessage,
} from '../../../shared/bridge/bridgeMessages';
import { CLOSE_NOT_PAIRED } from '../../../shared/bridge/bridgeSocket';
import { NoiseHandshake, type KeyPair } from '../../../shared/pairing/noise';
import { PairingError } from '../../../shared/pairing/pairingError';
import { SecureChannel } from '../../../shared/pairing/secureChannel';
import { shortAuthenticationString } from '../../../shared/pairing/sessionKeys';
import type { Logger } from '../../log';
import type { OpenBrowser } from './browserLink';
import type { BrowserPairing, PairingPeer } from './browserPairing';
import type { PairedBrowsers } from './pairedBrowsers';
import type { RequestDispatch } from './requestDispatch';

/** What one socket needs from the bridge around it. */
export interface ConnectionContext {
  desktopKey(): Promise<KeyPair>;
  pairing: BrowserPairing;
  browsers: PairedBrowsers;
  dispatch: RequestDispatch;
  desktopName: string;
  windowEthereum(): string[];
  log: Logger;
  /** A paired browser's socket is verified and open; `previous` sockets of the same browser close. */
  online(browser: BridgeConnection): void;
  offline(browser: BridgeConnection): void;
}

export interface Socket {
  send(frame: Uint8Array): void;
  close(code: number): void;
}

type State =
  | { at: 'handshake' }
  | { at: 'busy' }
  | {
      at: 'proving';
      mode: 'pair' | 'resume';
      browserId: string;
      sas: string;
      secrets: BridgeSecrets;
      browserKey: string;
    }
  | { at: 'comparing'; secrets: BridgeSecrets; browserKey: string; name: string }
  | { at: 'open' }
  | { at: 'closed' };

/**
 * One extension's socket: the responder's side of the handshake (pair or resume), the proof of the
 * pre-shared key in the first sealed message, then provider requests. Whatever does not verify closes the
 * socket before a single application message was sent.
 */
export class BridgeConnection implements OpenBrowser, PairingPeer {
  browserId = '';
  private state: State = { at: 'handshake' };
  private channel: SecureChannel | null = null;
  /** This socket's handshake spent the pairing code on screen. */
  private claimed = false;

  constructor(
    private readonly socket: Socket,
    private readonly context: ConnectionContext,
  ) {}

  /** The extension proved the psk: it is comparing codes or paired. */
  get verified(): boolean {
    return this.state.at === 'comparing' || this.state.at === 'open';
  }

  /** A binary message from the socket. */
  receive(frame: Uint8Array): void {
    const state = this.state;
    if (state.at === 'handshake') {
      this.state = { at: 'busy' };
      this.handshake(frame).catch((error: unknown) => this.refuseHandshake(error));
      return;
    }
    if (state.at === 'busy' || state.at === 'closed' || !this.channel) return this.close(1008);
    let message: ExtensionMessage;
    try {
      const bytes = this.channel.open(frame);
      if (!bytes) return;
      message = decodeExtensionMessage(bytes);
    } catch (error) {
      this.context.log.warn('a bridge frame was refused', { reason: reasonOf(error) });
      return this.close(1008);
    }
    this.handle(state, message);
  }

  /** The socket closed, from either side. */
  closed(): void {
    const was = this.state;
    this.state = { at: 'closed' };
    if (was.at === 'open') this.context.offline(this);
    if (was.at === 'comparing') {
      this.context.pairing.lost(this, 'The extension disconnected before the codes were confirmed.');
    } else if (this.claimed && was.at !== 'open') {
      // The code is spent once a handshake named it, so the attempt on screen ends with this socket.
      this.context.pairing.lost(null, 'An extension used the code but did not prove it holds it.');
    }
    this.context.dispatch.forget(this);
  }

  send(message: DesktopMessage): void {
    if (!this.channel || this.state.at === 'closed') return;
    for (const frame of this.channel.seal(encodeBridgeMessage(message))) this.socket.send(frame);
  }

  close(code: number): void {
    if (this.state.at === 'closed') return;
    this.socket.close(code);
    this.closed();
  }

  /** PairingPeer: the user confirmed the codes on the desktop. */
  async accept(): Promise<void> {
    const state = this.state;
    if (state.at !== 'comparing') throw new Error('the extension is no longer connected');
    const { secrets, browserKey, name } = state;
    await this.context.browsers.add({
      id: bytesToHex(secrets.browserId),
      browserKey,
      name,
      resumePsk: secrets.resumePsk,
    });
    this.send({ t: 'paired', desktopName: this.context.desktopName });
    this.send({ t: 'sites', windowEthereum: this.context.windowEthereum() });
    this.opened();
  }

  /** PairingPeer: the attempt ended without a pairing. */
  refuse(reason: string): void {
    if (this.state.at !== 'comparing') return;
    this.send({ t: 'refused', reason });
    this.close(1000);
  }

  private async handshake(frame: Uint8Array): Promise<void> {
    const { mode, rendezvous, message1 } = decodeFirstFrame(frame);
    const { pairing, browsers } = this.context;
    const browserId = bytesToHex(rendezvous);
    const paired = mode === 'resume' ? browsers.get(browserId) : undefined;
    const psk = mode === 'pair' ? pairing.claim(rendezvous) : paired && (await browsers.resumePsk(browserId));
    if (!psk) return this.close(CLOSE_NOT_PAIRED);
    this.claimed = mode === 'pair';
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: bridgePrologue(mode, rendezvous),
      staticKey: await this.context.desktopKey(),
      psk,
    });
    noise.readMessage(message1);
    const browserKey = bytesToHex(noise.remoteStatic as Uint8Array);
    // A resume must come from the key pinned at pairing, whoever else learned the id.
    if (paired && paired.browserKey !== browserKey) return this.close(CLOSE_NOT_PAIRED);
    const reply = noise.writeMessage();
    const result = noise.split();
    const secrets = deriveBridgeSecrets(result);
    if (this.state.at === 'closed') return;
    this.channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
    this.state = {
      at: 'proving',
      mode,
      browserId,
      sas: shortAuthenticationString(result),
      secrets,
      browserKey,
    };
    this.socket.send(reply);
  }

  /** A handshake that does not verify means "not paired"; a failure of ours (the vault) is only a retry. */
  private refuseHandshake(error: unknown): void {
    this.context.log.warn('a bridge handshake was refused', { reason: reasonOf(error) });
    this.close(error instanceof PairingError ? CLOSE_NOT_PAIRED : 1011);
  }

  private handle(state: State, message: ExtensionMessage): void {
    if (state.at === 'proving' && state.mode === 'pair' && message.t === 'hello') {
      this.state = {
        at: 'comparing',
        secrets: state.secrets,
        browserKey: state.browserKey,
        name: message.name,
      };
      this.context.pairing.hello(this, message.name, state.sas);
    } else if (state.at === 'proving' && state.mode === 'resume' && message.t === 'resume') {
      this.browserId = state.browserId;
      this.send({
        t: 'ready',
        desktopName: this.context.desktopName,
        windowEthereum: this.context.windowEthereum(),
      });
      this.opened();
    } else if (state.at === 'open' && message.t === 'request') {
      this.context.dispatch.request(this, message);
    } else {
      // Anything else out of turn: the other side does not speak this protocol.
      this.close(1008);
    }
  }

  private opened(): void {
    const state = this.state;
    if (state.at === 'comparing') this.browserId = bytesToHex(state.secrets.browserId);
    this.state = { at: 'open' };
    this.context.browsers.seen(this.browserId);
    this.context.online(this);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
