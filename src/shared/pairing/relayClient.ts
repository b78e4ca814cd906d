import { PairingError } from './pairingError';
import { proveRoute } from './relayProof';
import {
  decodeServerMessage,
  encodeClientMessage,
  RELAY_ID_BYTES,
  RELAY_PROTOCOL,
  RelayErrorCode,
  RelayWireError,
  type RelayClientMessage,
} from './relayWire';
import { WireIds } from './wireIds';

/** The part of the standard WebSocket API the client uses, so browsers, Node 24 and test doubles all fit. */
export interface RelaySocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: 'open' | 'close' | 'error' | 'message',
    listener: (event: { data?: unknown }) => void,
  ): void;
}

export type RelaySocketConstructor = new (url: string, protocols?: string | string[]) => RelaySocket;

export interface RelayClientEvents {
  /** Someone knocked on a rendezvous this socket opened; the rendezvous is gone from the relay now. */
  knocked: (rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array) => void;
  deliver: (route: Uint8Array, frame: Uint8Array) => void;
  error: (code: RelayErrorCode, id: Uint8Array, message: string) => void;
  closed: () => void;
}

type Handlers = { [E in keyof RelayClientEvents]: Set<RelayClientEvents[E]> };

const OPEN = 1;
const ZERO_ID = new Uint8Array(RELAY_ID_BYTES);
/** How long a relay may take to send its challenge after the socket opens. */
const CHALLENGE_TIMEOUT_MS = 10_000;

/**
 * One connection to the pairing relay, speaking the binary wire format of `relayWire`. Callers name routes
 * by their secret values; the client puts only their wire ids on the wire and proves each LISTEN
 * (PROTOCOL.md section 7.5), and hands events back in terms of routes.
 */
export class RelayClient {
  private readonly handlers: Handlers = {
    knocked: new Set(),
    deliver: new Set(),
    error: new Set(),
    closed: new Set(),
  };
  private readonly closedPromise: Promise<void>;
  private readonly ids = new WireIds();

  private constructor(
    private readonly socket: RelaySocket,
    private readonly nonce: Uint8Array,
  ) {
    this.closedPromise = new Promise((resolve) => {
      socket.addEventListener('close', () => {
        resolve();
        for (const handler of this.handlers.closed) handler();
      });
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
  }

  static connect(
    url: string,
    options: { WebSocketImpl?: RelaySocketConstructor } = {},
  ): Promise<RelayClient> {
    const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
    return new Promise((resolve, reject) => {
      let socket: RelaySocket;
      try {
        socket = new Impl(url, [RELAY_PROTOCOL]);
      } catch (error) {
        reject(unreachable(url, error));
        return;
      }
      socket.binaryType = 'arraybuffer';
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const fail = (cause?: Error) => settle(() => reject(unreachable(url, cause)));
      socket.addEventListener('error', () => fail());
      socket.addEventListener('close', () => fail());
      socket.addEventListener('open', () => {
        timer = setTimeout(() => {
          fail(new Error('it sent no challenge'));
          socket.close(1000, 'no challenge');
        }, CHALLENGE_TIMEOUT_MS);
      });
      // The relay's first message is the challenge every LISTEN signs; the client is usable once it has it.
      socket.addEventListener('message', (event) => {
        if (settled) return;
        const nonce = challengeIn(event.data);
        if (nonce) return settle(() => resolve(new RelayClient(socket, nonce)));
        fail(new Error('its first message was not a challenge'));
        socket.close(1000, 'no challenge');
      });
    });
  }

  /** Registers a handler; the returned function removes it. */
  on<E extends keyof RelayClientEvents>(event: E, handler: RelayClientEvents[E]): () => void {
    const handlers = this.handlers[event] as Set<RelayClientEvents[E]>;
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  get connected(): boolean {
    return this.socket.readyState === OPEN;
  }

  listen(route: Uint8Array): void {
    const key = this.ids.listened(route);
    this.write({ op: 'listen', route: key.wireId, proof: proveRoute(key, this.nonce) });
  }

  unlisten(route: Uint8Array): void {
    this.write({ op: 'unlisten', route: this.ids.unlistened(route) });
  }

  open(rendezvous: Uint8Array, ttlSeconds: number): void {
    this.write({ op: 'open', rendezvous, ttlSeconds });
  }

  close(rendezvous: Uint8Array): void {
    this.write({ op: 'close', rendezvous });
  }

  knock(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): void {
    this.write({ op: 'knock', rendezvous, replyRoute: this.ids.toWire(replyRoute), handshake });
  }

  /** `route` is a route value, or a reply id this client was given by KNOCKED. */
  send(route: Uint8Array, frame: Uint8Array): void {
    this.write({ op: 'send', route: this.ids.toWire(route), frame });
  }

  /** Resolves once the socket has closed and every `closed` handler has run. */
  disconnect(): Promise<void> {
    this.socket.close(1000, 'bye');
    return this.closedPromise;
  }

  private write(message: RelayClientMessage) {
    if (!this.connected) {
      throw new PairingError('relay_unreachable', 'The connection to the pairing relay is closed.');
    }
    this.socket.send(encodeClientMessage(message));
  }

  private receive(data: unknown) {
    if (!(data instanceof ArrayBuffer)) {
      this.emitError(RelayErrorCode.malformed, ZERO_ID, 'the relay sent a text message');
      return;
    }
    let message;
    try {
      message = decodeServerMessage(new Uint8Array(data));
    } catch (error) {
      if (!(error instanceof RelayWireError)) throw error;
      this.emitError(error.code, ZERO_ID, `the relay sent a malformed message: ${error.message}`);
      return;
    }
    switch (message.op) {
      case 'challenge':
        this.emitError(RelayErrorCode.malformed, ZERO_ID, 'the relay sent a second challenge');
        break;
      case 'knocked':
        this.ids.learnReply(message.replyRoute);
        for (const handler of this.handlers.knocked) {
          handler(message.rendezvous, message.replyRoute, message.handshake);
        }
        break;
      case 'deliver':
        for (const handler of this.handlers.deliver) handler(this.ids.fromWire(message.route), message.frame);
        break;
      case 'error':
        this.emitError(message.code, this.ids.fromWire(message.id), message.message);
        break;
    }
  }

  private emitError(code: RelayErrorCode, id: Uint8Array, message: string) {
    for (const handler of this.handlers.error) handler(code, id, message);
  }
}

function challengeIn(data: unknown): Uint8Array | null {
  if (!(data instanceof ArrayBuffer)) return null;
  try {
    const message = decodeServerMessage(new Uint8Array(data));
    return message.op === 'challenge' ? message.nonce.slice() : null;
  } catch (error) {
    if (error instanceof RelayWireError) return null;
    throw error;
  }
}

function unreachable(url: string, cause?: unknown) {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return new PairingError(
    'relay_unreachable',
    `Could not reach the pairing relay at ${url}${detail}. Check that the phone and the desktop are on the same network.`,
  );
}
