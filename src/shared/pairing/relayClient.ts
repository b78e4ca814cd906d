import { PairingError } from './pairingError';
import {
  decodeServerMessage,
  encodeClientMessage,
  RELAY_ID_BYTES,
  RelayErrorCode,
  RelayWireError,
  type RelayClientMessage,
} from './relayWire';

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

export type RelaySocketConstructor = new (url: string) => RelaySocket;

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

/** One connection to the pairing relay, speaking the binary wire format of `relayWire`. */
export class RelayClient {
  private readonly handlers: Handlers = {
    knocked: new Set(),
    deliver: new Set(),
    error: new Set(),
    closed: new Set(),
  };
  private readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: RelaySocket) {
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
        socket = new Impl(url);
      } catch (error) {
        reject(unreachable(url, error));
        return;
      }
      socket.binaryType = 'arraybuffer';
      let settled = false;
      const fail = () => {
        if (settled) return;
        settled = true;
        reject(unreachable(url));
      };
      socket.addEventListener('error', fail);
      socket.addEventListener('close', fail);
      socket.addEventListener('open', () => {
        if (settled) return;
        settled = true;
        resolve(new RelayClient(socket));
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
    this.write({ op: 'listen', route });
  }

  unlisten(route: Uint8Array): void {
    this.write({ op: 'unlisten', route });
  }

  open(rendezvous: Uint8Array, ttlSeconds: number): void {
    this.write({ op: 'open', rendezvous, ttlSeconds });
  }

  close(rendezvous: Uint8Array): void {
    this.write({ op: 'close', rendezvous });
  }

  knock(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): void {
    this.write({ op: 'knock', rendezvous, replyRoute, handshake });
  }

  send(route: Uint8Array, frame: Uint8Array): void {
    this.write({ op: 'send', route, frame });
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
      case 'knocked':
        for (const handler of this.handlers.knocked) {
          handler(message.rendezvous, message.replyRoute, message.handshake);
        }
        break;
      case 'deliver':
        for (const handler of this.handlers.deliver) handler(message.route, message.frame);
        break;
      case 'error':
        this.emitError(message.code, message.id, message.message);
        break;
    }
  }

  private emitError(code: RelayErrorCode, id: Uint8Array, message: string) {
    for (const handler of this.handlers.error) handler(code, id, message);
  }
}

function unreachable(url: string, cause?: unknown) {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return new PairingError(
    'relay_unreachable',
    `Could not reach the pairing relay at ${url}${detail}. Check that the phone and the desktop are on the same network.`,
  );
}
