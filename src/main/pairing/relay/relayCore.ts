import {
  decodeClientMessage,
  encodeServerMessage,
  RELAY_ERROR_NAMES,
  RELAY_ID_BYTES,
  RelayErrorCode,
  RelayWireError,
} from '../../../shared/pairing/relayWire';
import type { Logger } from '../../log';
import { FrameQueues } from './frameQueue';
import { RateLimiter } from './rateLimiter';
import { RendezvousTable } from './rendezvousTable';
import { RouteTable } from './routeTable';

export interface RelayLimits {
  queueFramesPerRoute: number;
  queueBytesPerRoute: number;
  queueTtlMs: number;
  /** Across all routes; past it the oldest queued frames are dropped first. */
  queueBytesTotal: number;
  knocksPerRendezvous: number;
  knocksPerAddress: number;
  knockWindowMs: number;
  routesPerSocket: number;
  rendezvousPerSocket: number;
  /** A socket sending this many malformed messages is closed: it is not a client of ours. */
  malformedPerSocket: number;
  sweepIntervalMs: number;
  /** Unsent bytes a socket may pile up before it counts as not reading and is dropped. */
  socketBufferBytes: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  queueFramesPerRoute: 64,
  queueBytesPerRoute: 256 * 1024,
  queueTtlMs: 10 * 60_000,
  queueBytesTotal: 64 * 1024 * 1024,
  knocksPerRendezvous: 5,
  knocksPerAddress: 20,
  knockWindowMs: 60_000,
  routesPerSocket: 2048,
  rendezvousPerSocket: 2048,
  malformedPerSocket: 50,
  sweepIntervalMs: 30_000,
  socketBufferBytes: 8 * 1024 * 1024,
};

/** Rate-limit windows kept at once; bounds memory against a flood of distinct addresses or ids. */
const MAX_LIMITER_KEYS = 65_536;
/** Policy violation: the close code for a socket that keeps sending garbage. */
const CLOSE_POLICY = 1008;

/** What the core needs from a socket; the server adapts `ws` to it. */
export interface RelayConnection {
  readonly address: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RelayPeer {
  receive(message: Uint8Array): void;
  /** The socket layer got something that is not a relay message at all (text). */
  refuse(reason: string): void;
  /** The socket closed: its listens and the rendezvous it owns go with it. */
  detach(): void;
}

interface PeerState {
  connection: RelayConnection;
  routes: Set<string>;
  rendezvous: Set<string>;
  malformed: number;
}

const ZERO_ID = new Uint8Array(RELAY_ID_BYTES);

/** Ids only ever serve as map keys; a latin1 string is the most compact lossless key for 16 bytes. */
const key = (id: Uint8Array) => Buffer.from(id.buffer, id.byteOffset, id.byteLength).toString('latin1');

/**
 * The relay's routing state, independent of sockets. It never parses handshakes or sealed frames, and it
 * logs error codes only: ids, bodies and sizes would tell an observer who talks to whom, and how much.
 */
export class RelayCore {
  private readonly peers = new Set<PeerState>();
  private readonly routes = new RouteTable<PeerState>();
  private readonly queues: FrameQueues;
  private readonly rendezvous = new RendezvousTable<PeerState>((id, owner) => owner.rendezvous.delete(id));
  private readonly knocksByAddress: RateLimiter;
  private readonly knocksByRendezvous: RateLimiter;

  constructor(
    private readonly limits: RelayLimits,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.queues = new FrameQueues({
      framesPerRoute: limits.queueFramesPerRoute,
      bytesPerRoute: limits.queueBytesPerRoute,
      ttlMs: limits.queueTtlMs,
      bytesTotal: limits.queueBytesTotal,
    });
    this.knocksByAddress = new RateLimiter(limits.knocksPerAddress, limits.knockWindowMs, MAX_LIMITER_KEYS);
    this.knocksByRendezvous = new RateLimiter(
      limits.knocksPerRendezvous,
      limits.knockWindowMs,
      MAX_LIMITER_KEYS,
    );
  }

  attach(connection: RelayConnection): RelayPeer {
    const peer: PeerState = { connection, routes: new Set(), rendezvous: new Set(), malformed: 0 };
    this.peers.add(peer);
    return {
      receive: (message) => this.receive(peer, message),
      refuse: (reason) => this.malformed(peer, ZERO_ID, RelayErrorCode.malformed, reason),
      detach: () => this.detach(peer),
    };
  }

  sweep(): void {
    const now = this.now();
    this.queues.sweep(now);
    this.rendezvous.sweep(now);
    this.knocksByAddress.sweep(now);
    this.knocksByRendezvous.sweep(now);
  }

  stats() {
    return {
      sockets: this.peers.size,
      routes: this.routes.size,
      rendezvous: this.rendezvous.size,
      queuedFrames: this.queues.frames,
      queuedBytes: this.queues.bytes,
    };
  }

  private receive(peer: PeerState, bytes: Uint8Array) {
    let message;
    try {
      message = decodeClientMessage(bytes);
    } catch (error) {
      if (!(error instanceof RelayWireError)) throw error;
      const id = bytes.length >= 1 + RELAY_ID_BYTES ? bytes.subarray(1, 1 + RELAY_ID_BYTES) : ZERO_ID;
      this.malformed(peer, id, error.code, error.message);
      return;
    }
    const now = this.now();
    switch (message.op) {
      case 'listen': {
        const route = key(message.route);
        if (peer.routes.has(route)) return;
        if (peer.routes.size >= this.limits.routesPerSocket) {
          return this.error(
            peer,
            message.route,
            RelayErrorCode.rateLimited,
            'too many routes on one connection',
          );
        }
        peer.routes.add(route);
        this.routes.add(route, peer);
        for (const queued of this.queues.take(route, now)) peer.connection.send(queued);
        return;
      }
      case 'unlisten': {
        const route = key(message.route);
        if (peer.routes.delete(route) && this.routes.remove(route, peer)) this.queues.drop(route);
        return;
      }
      case 'open': {
        if (peer.rendezvous.size >= this.limits.rendezvousPerSocket) {
          return this.error(
            peer,
            message.rendezvous,
            RelayErrorCode.rateLimited,
            'too many rendezvous on one connection',
          );
        }
        const rendezvous = key(message.rendezvous);
        if (!this.rendezvous.open(rendezvous, peer, now + message.ttlSeconds * 1000, now)) {
          return this.error(
            peer,
            message.rendezvous,
            RelayErrorCode.rendezvousTaken,
            'rendezvous already open',
          );
        }
        peer.rendezvous.add(rendezvous);
        return;
      }
      case 'close':
        return this.rendezvous.close(key(message.rendezvous), peer);
      case 'knock': {
        const rendezvous = key(message.rendezvous);
        if (
          !this.knocksByAddress.take(peer.connection.address, now) ||
          !this.knocksByRendezvous.take(rendezvous, now)
        ) {
          return this.error(
            peer,
            message.rendezvous,
            RelayErrorCode.rateLimited,
            'too many knocks, wait a minute',
          );
        }
        const owner = this.rendezvous.take(rendezvous, now);
        if (!owner) {
          return this.error(
            peer,
            message.rendezvous,
            RelayErrorCode.unknownRendezvous,
            'no such rendezvous: unknown, expired or already used',
          );
        }
        owner.connection.send(
          encodeServerMessage({
            op: 'knocked',
            rendezvous: message.rendezvous,
            replyRoute: message.replyRoute,
            handshake: message.handshake,
          }),
        );
        return;
      }
      case 'send': {
        const route = key(message.route);
        const deliver = encodeServerMessage({ op: 'deliver', route: message.route, frame: message.frame });
        const others = this.routes.others(route, peer);
        for (const other of others) other.connection.send(deliver);
        if (others.length === 0 && !this.queues.push(route, deliver, message.frame.length, now)) {
          this.error(peer, message.route, RelayErrorCode.queueFull, 'nobody listens and the queue is full');
        }
        return;
      }
    }
  }

  private malformed(peer: PeerState, id: Uint8Array, code: RelayErrorCode, message: string) {
    this.error(peer, id, code, message);
    peer.malformed += 1;
    if (peer.malformed === this.limits.malformedPerSocket) {
      this.log.warn('relay closed a connection that sent too many malformed messages');
      peer.connection.close(CLOSE_POLICY, 'too many malformed messages');
    }
  }

  private error(peer: PeerState, id: Uint8Array, code: RelayErrorCode, message: string) {
    this.log.warn('relay refused a message', { code: RELAY_ERROR_NAMES[code] });
    peer.connection.send(encodeServerMessage({ op: 'error', id, code, message }));
  }

  private detach(peer: PeerState) {
    if (!this.peers.delete(peer)) return;
    for (const route of peer.routes) this.routes.remove(route, peer);
    for (const rendezvous of [...peer.rendezvous]) this.rendezvous.close(rendezvous, peer);
  }
}
