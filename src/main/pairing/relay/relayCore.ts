import {
  decodeClientMessage,
  encodeServerMessage,
  RELAY_ERROR_NAMES,
  RELAY_ID_BYTES,
  RelayErrorCode,
  RelayWireError,
} from '../../../shared/pairing/relayWire';
import { RELAY_NONCE_BYTES } from '../../../shared/pairing/relayProof';
import { verifyRouteProof } from './routeProof';
import type { Logger } from '../../log';
import { MAX_CHUNKS, MAX_FRAME_LENGTH } from '../../../shared/pairing/secureChannel';
import { AddressBook } from './addressBook';
import { FrameQueues, queuedCost, type QueueAccount } from './frameQueue';
import { RateLimiter } from './rateLimiter';
import { RefusalLog } from './refusalLog';
import { RendezvousTable } from './rendezvousTable';
import { RouteTable } from './routeTable';

export interface RelayLimits {
  queueFramesPerRoute: number;
  queueBytesPerRoute: number;
  queueTtlMs: number;
  /** Across all routes; past either the oldest queued frames are dropped first. */
  queueBytesTotal: number;
  queueFramesTotal: number;
  /** What one socket, and one remote address, may have queued at once; past it a SEND gets queue_full. */
  queueBytesPerSocket: number;
  queueBytesPerAddress: number;
  knocksPerRendezvous: number;
  knocksPerAddress: number;
  knockWindowMs: number;
  /**
   * LISTENs per remote address per minute. Each costs the relay a signature check, so this bounds the CPU
   * one LAN host can make it spend; the relay's own host (the desktop's link) is not counted.
   */
  listensPerAddressPerMinute: number;
  routesPerSocket: number;
  rendezvousPerSocket: number;
  /** Routes listened on across the relay. */
  routesTotal: number;
  socketsPerAddress: number;
  /** A socket holding no route and no rendezvous, and silent this long, is closed (see RelayConnection). */
  idleSocketMs: number;
  /** A socket sending this many malformed messages is closed: it is not a client of ours. */
  malformedPerSocket: number;
  sweepIntervalMs: number;
  /** Unsent bytes a socket may pile up before it counts as not reading and is dropped. */
  socketBufferBytes: number;
  /** Refusal log lines per minute; a flood of refusals must not become a flood of log lines. */
  refusalLinesPerMinute: number;
}

/** The largest SEND the protocol produces: a full-bucket sealed frame (PROTOCOL.md section 9.3). */
const LARGEST_SEND = encodeServerMessage({
  op: 'deliver',
  route: new Uint8Array(RELAY_ID_BYTES),
  frame: new Uint8Array(MAX_FRAME_LENGTH),
});

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  // A route holds one largest message: MAX_CHUNKS full-bucket frames, each charged its real cost.
  queueFramesPerRoute: MAX_CHUNKS,
  queueBytesPerRoute: MAX_CHUNKS * queuedCost(LARGEST_SEND),
  queueTtlMs: 10 * 60_000,
  queueBytesTotal: 64 * 1024 * 1024,
  queueFramesTotal: 16_384,
  queueBytesPerSocket: 4 * 1024 * 1024,
  queueBytesPerAddress: 8 * 1024 * 1024,
  knocksPerRendezvous: 5,
  knocksPerAddress: 20,
  knockWindowMs: 60_000,
  listensPerAddressPerMinute: 600,
  routesPerSocket: 2048,
  rendezvousPerSocket: 2048,
  routesTotal: 65_536,
  socketsPerAddress: 16,
  idleSocketMs: 60_000,
  malformedPerSocket: 50,
  sweepIntervalMs: 30_000,
  socketBufferBytes: 8 * 1024 * 1024,
  refusalLinesPerMinute: 20,
};

/** Rate-limit windows kept at once; bounds memory against a flood of distinct addresses or ids. */
const MAX_LIMITER_KEYS = 65_536;
/** Policy violation: the close code for a socket that keeps sending garbage. */
const CLOSE_POLICY = 1008;
/** Going away: the relay drops a socket that holds nothing and says nothing. */
const CLOSE_IDLE = 1001;

/** What the core needs from a socket; the server adapts `ws` to it. */
export interface RelayConnection {
  readonly address: string;
  /**
   * The socket comes from the relay's own host: the desktop's link, which may hold nothing between pairings
   * and is never closed for idling.
   */
  readonly ownHost: boolean;
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
  /** This socket's challenge: a LISTEN proof signed for another socket is worthless here. */
  nonce: Uint8Array;
  routes: Set<string>;
  rendezvous: Set<string>;
  malformed: number;
  /** What this socket has queued, charged to it. */
  queue: QueueAccount;
  lastHeard: number;
  /** Told to go: whatever it still sends is not read. */
  closing: boolean;
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
  private readonly listensByAddress: RateLimiter;
  private readonly knocksByRendezvous: RateLimiter;
  private readonly addresses: AddressBook;
  private readonly refusals: RefusalLog;
  private handled = 0;

  constructor(
    private readonly limits: RelayLimits,
    log: Logger,
    private readonly now: () => number,
  ) {
    this.queues = new FrameQueues({
      framesPerRoute: limits.queueFramesPerRoute,
      bytesPerRoute: limits.queueBytesPerRoute,
      ttlMs: limits.queueTtlMs,
      bytesTotal: limits.queueBytesTotal,
      framesTotal: limits.queueFramesTotal,
    });
    this.addresses = new AddressBook(limits.socketsPerAddress, limits.queueBytesPerAddress);
    this.refusals = new RefusalLog(log, limits.refusalLinesPerMinute, 60_000, now);
    this.knocksByAddress = new RateLimiter(limits.knocksPerAddress, limits.knockWindowMs, MAX_LIMITER_KEYS);
    this.listensByAddress = new RateLimiter(limits.listensPerAddressPerMinute, 60_000, MAX_LIMITER_KEYS);
    this.knocksByRendezvous = new RateLimiter(
      limits.knocksPerRendezvous,
      limits.knockWindowMs,
      MAX_LIMITER_KEYS,
    );
  }

  /** Whether one more socket from `address` may connect; the server asks before it upgrades. */
  admits(address: string): boolean {
    return this.addresses.hasRoom(address);
  }

  /** Logs a refusal made at the socket layer, within the same budget of lines as the core's own. */
  refused(message: string, code?: string): void {
    this.refusals.refused(message, code);
  }

  attach(connection: RelayConnection): RelayPeer {
    const peer: PeerState = {
      connection,
      nonce: crypto.getRandomValues(new Uint8Array(RELAY_NONCE_BYTES)),
      routes: new Set(),
      rendezvous: new Set(),
      malformed: 0,
      queue: { bytes: 0, limit: this.limits.queueBytesPerSocket },
      lastHeard: this.now(),
      closing: false,
    };
    this.peers.add(peer);
    this.addresses.arrive(connection.address);
    connection.send(encodeServerMessage({ op: 'challenge', nonce: peer.nonce }));
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
    this.listensByAddress.sweep(now);
    this.knocksByRendezvous.sweep(now);
    this.addresses.sweep();
    for (const peer of this.peers) {
      if (this.idle(peer, now)) this.dismiss(peer, CLOSE_IDLE, 'idle');
    }
  }

  stats() {
    return {
      sockets: this.peers.size,
      routes: this.routes.size,
      rendezvous: this.rendezvous.size,
      queuedFrames: this.queues.frames,
      queuedBytes: this.queues.bytes,
      /** Client messages the relay has read, so tests can tell handled input from input lost on the way. */
      handled: this.handled,
    };
  }

  private receive(peer: PeerState, bytes: Uint8Array) {
    if (peer.closing) return;
    this.handled += 1;
    peer.lastHeard = this.now();
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
        if (!peer.connection.ownHost && !this.listensByAddress.take(peer.connection.address, now)) {
          return this.error(
            peer,
            message.route,
            RelayErrorCode.rateLimited,
            'too many listens, wait a minute',
          );
        }
        // A client of this protocol never sends a bad proof, so a socket that does counts towards closing.
        if (!verifyRouteProof(message.route, peer.nonce, message.proof)) {
          return this.malformed(peer, message.route, RelayErrorCode.unproven, 'listen proof does not verify');
        }
        if (peer.routes.size >= this.limits.routesPerSocket) {
          return this.error(
            peer,
            message.route,
            RelayErrorCode.rateLimited,
            'too many routes on one connection',
          );
        }
        if (!this.routes.has(route) && this.routes.size >= this.limits.routesTotal) {
          return this.error(
            peer,
            message.route,
            RelayErrorCode.rateLimited,
            'the relay holds too many routes',
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
        const accounts = [peer.queue, this.addresses.queue(peer.connection.address)];
        if (others.length === 0 && !this.queues.push(route, deliver, accounts, now)) {
          this.error(peer, message.route, RelayErrorCode.queueFull, 'nobody listens and the queue is full');
        }
        return;
      }
    }
  }

  private malformed(peer: PeerState, id: Uint8Array, code: RelayErrorCode, message: string) {
    if (peer.closing) return;
    this.error(peer, id, code, message);
    peer.malformed += 1;
    if (peer.malformed === this.limits.malformedPerSocket) {
      this.refusals.refused('relay closed a connection that sent too many malformed messages');
      this.dismiss(peer, CLOSE_POLICY, 'too many malformed messages');
    }
  }

  private error(peer: PeerState, id: Uint8Array, code: RelayErrorCode, message: string) {
    this.refusals.refused('relay refused a message', RELAY_ERROR_NAMES[code]);
    peer.connection.send(encodeServerMessage({ op: 'error', id, code, message }));
  }

  private idle(peer: PeerState, now: number): boolean {
    return (
      !peer.connection.ownHost &&
      !peer.closing &&
      peer.routes.size === 0 &&
      peer.rendezvous.size === 0 &&
      now - peer.lastHeard >= this.limits.idleSocketMs
    );
  }

  private dismiss(peer: PeerState, code: number, reason: string) {
    peer.closing = true;
    peer.connection.close(code, reason);
  }

  private detach(peer: PeerState) {
    if (!this.peers.delete(peer)) return;
    this.addresses.leave(peer.connection.address);
    for (const route of peer.routes) this.routes.remove(route, peer);
    for (const rendezvous of [...peer.rendezvous]) this.rendezvous.close(rendezvous, peer);
  }
}
