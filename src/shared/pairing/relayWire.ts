import { RELAY_PROOF_BYTES } from './relayProof';

/**
 * The relay's binary wire format: `op(1) | id(16) | body`. This is everything the relay can see, so the
 * relay checks shapes here and never looks inside handshakes or sealed frames.
 */

/**
 * The WebSocket subprotocol naming this version of the wire format (PROTOCOL.md section 7.1); version 2
 * added the proof on LISTEN. Subprotocol tokens may not contain "/", hence the dot.
 */
export const RELAY_PROTOCOL = 'ledgerline-relay.2';

export const RELAY_ID_BYTES = 16;
/** The largest body; the relay's WebSocket refuses longer messages before they reach the decoder. */
export const RELAY_MAX_BODY_BYTES = 64 * 1024;
export const RELAY_MAX_MESSAGE_BYTES = 1 + RELAY_ID_BYTES + RELAY_MAX_BODY_BYTES;
/** A rendezvous outliving a week would let a stale QR code or resume inbox linger on the relay. */
export const RELAY_MAX_TTL_SECONDS = 7 * 24 * 60 * 60;

export const RelayOp = {
  listen: 0x01,
  open: 0x02,
  knock: 0x03,
  send: 0x04,
  unlisten: 0x05,
  close: 0x06,
  challenge: 0x80,
  knocked: 0x81,
  deliver: 0x84,
  error: 0x8f,
} as const;

export const RelayErrorCode = {
  malformed: 1,
  unknownRendezvous: 2,
  rateLimited: 3,
  /**
   * Never sent: the relay's WebSocket closes a socket (1009) before an oversized message reaches the decoder
   * (PROTOCOL.md section 7.3). Kept for the encoder's own refusal, and so the code is never reused.
   */
  tooLarge: 4,
  queueFull: 5,
  rendezvousTaken: 6,
  /** A LISTEN whose proof does not show the route's key for this socket's challenge. */
  unproven: 7,
} as const;
export type RelayErrorCode = (typeof RelayErrorCode)[keyof typeof RelayErrorCode];

/** Names for logs and messages: the code is the only thing about a refusal the relay may log. */
export const RELAY_ERROR_NAMES: Record<RelayErrorCode, string> = {
  1: 'malformed',
  2: 'unknown_rendezvous',
  3: 'rate_limited',
  4: 'too_large',
  5: 'queue_full',
  6: 'rendezvous_taken',
  7: 'unproven',
};

export type RelayClientMessage =
  /** `route` is the wire id; `proof` the public key and signature of `relayProof`. */
  | { op: 'listen'; route: Uint8Array; proof: Uint8Array }
  | { op: 'unlisten'; route: Uint8Array }
  | { op: 'open'; rendezvous: Uint8Array; ttlSeconds: number }
  | { op: 'close'; rendezvous: Uint8Array }
  | { op: 'knock'; rendezvous: Uint8Array; replyRoute: Uint8Array; handshake: Uint8Array }
  | { op: 'send'; route: Uint8Array; frame: Uint8Array };

export type RelayServerMessage =
  /** Sent once, first, on every socket: what its LISTENs sign. */
  | { op: 'challenge'; nonce: Uint8Array }
  | { op: 'knocked'; rendezvous: Uint8Array; replyRoute: Uint8Array; handshake: Uint8Array }
  | { op: 'deliver'; route: Uint8Array; frame: Uint8Array }
  | { op: 'error'; id: Uint8Array; code: RelayErrorCode; message: string };

/** A message that does not follow the wire format; `code` is the ERROR code the relay answers with. */
export class RelayWireError extends Error {
  constructor(
    readonly code: typeof RelayErrorCode.malformed | typeof RelayErrorCode.tooLarge,
    message: string,
  ) {
    super(message);
    this.name = 'RelayWireError';
  }
}

const malformed = (detail: string) => new RelayWireError(RelayErrorCode.malformed, detail);

function assemble(op: number, id: Uint8Array, ...body: Uint8Array[]): Uint8Array {
  if (id.length !== RELAY_ID_BYTES)
    throw malformed(`an id must be ${RELAY_ID_BYTES} bytes, not ${id.length}`);
  const bodyLength = body.reduce((sum, part) => sum + part.length, 0);
  if (bodyLength > RELAY_MAX_BODY_BYTES) {
    throw new RelayWireError(
      RelayErrorCode.tooLarge,
      `a relay message body is at most ${RELAY_MAX_BODY_BYTES} bytes, not ${bodyLength}`,
    );
  }
  const bytes = new Uint8Array(1 + RELAY_ID_BYTES + bodyLength);
  bytes[0] = op;
  bytes.set(id, 1);
  let offset = 1 + RELAY_ID_BYTES;
  for (const part of body) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

function checkReplyRoute(replyRoute: Uint8Array) {
  if (replyRoute.length !== RELAY_ID_BYTES) {
    throw malformed(`a reply route must be ${RELAY_ID_BYTES} bytes, not ${replyRoute.length}`);
  }
}

function checkProof(proof: Uint8Array) {
  if (proof.length !== RELAY_PROOF_BYTES) {
    throw malformed(`listen carries a ${RELAY_PROOF_BYTES}-byte proof, not ${proof.length} bytes`);
  }
}

function checkTtl(ttlSeconds: number) {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > RELAY_MAX_TTL_SECONDS) {
    throw malformed(`a rendezvous lives 1 to ${RELAY_MAX_TTL_SECONDS} seconds, not ${ttlSeconds}`);
  }
}

export function encodeClientMessage(message: RelayClientMessage): Uint8Array {
  switch (message.op) {
    case 'listen':
      checkProof(message.proof);
      return assemble(RelayOp.listen, message.route, message.proof);
    case 'unlisten':
      return assemble(RelayOp.unlisten, message.route);
    case 'open': {
      checkTtl(message.ttlSeconds);
      const ttl = new Uint8Array(4);
      new DataView(ttl.buffer).setUint32(0, message.ttlSeconds, false);
      return assemble(RelayOp.open, message.rendezvous, ttl);
    }
    case 'close':
      return assemble(RelayOp.close, message.rendezvous);
    case 'knock':
      checkReplyRoute(message.replyRoute);
      return assemble(RelayOp.knock, message.rendezvous, message.replyRoute, message.handshake);
    case 'send':
      return assemble(RelayOp.send, message.route, message.frame);
  }
}

export function encodeServerMessage(message: RelayServerMessage): Uint8Array {
  switch (message.op) {
    case 'challenge':
      return assemble(RelayOp.challenge, message.nonce);
    case 'knocked':
      checkReplyRoute(message.replyRoute);
      return assemble(RelayOp.knocked, message.rendezvous, message.replyRoute, message.handshake);
    case 'deliver':
      return assemble(RelayOp.deliver, message.route, message.frame);
    case 'error':
      return assemble(
        RelayOp.error,
        message.id,
        Uint8Array.of(message.code),
        new TextEncoder().encode(message.message),
      );
  }
}

const OP_NAMES = new Map<number, string>(Object.entries(RelayOp).map(([name, op]) => [op, name]));

/** Splits the header off; the returned id and body are views into `bytes`, not copies. */
function split(bytes: Uint8Array): { op: number; id: Uint8Array; body: Uint8Array } {
  if (bytes.length < 1 + RELAY_ID_BYTES) {
    throw malformed(`a relay message is at least ${1 + RELAY_ID_BYTES} bytes, not ${bytes.length}`);
  }
  if (bytes.length > RELAY_MAX_MESSAGE_BYTES) {
    throw new RelayWireError(
      RelayErrorCode.tooLarge,
      `a relay message is at most ${RELAY_MAX_MESSAGE_BYTES} bytes, not ${bytes.length}`,
    );
  }
  return {
    op: bytes[0] ?? 0,
    id: bytes.subarray(1, 1 + RELAY_ID_BYTES),
    body: bytes.subarray(1 + RELAY_ID_BYTES),
  };
}

function expectEmpty(op: number, body: Uint8Array) {
  if (body.length !== 0)
    throw malformed(`${OP_NAMES.get(op) ?? op} carries no body, got ${body.length} bytes`);
}

function splitKnock(op: number, body: Uint8Array) {
  if (body.length < RELAY_ID_BYTES) {
    throw malformed(`${OP_NAMES.get(op) ?? op} starts with a ${RELAY_ID_BYTES}-byte reply route`);
  }
  return { replyRoute: body.subarray(0, RELAY_ID_BYTES), handshake: body.subarray(RELAY_ID_BYTES) };
}

const unknownOp = (op: number, from: string) =>
  malformed(`0x${op.toString(16).padStart(2, '0')} is not an operation a ${from} sends`);

export function decodeClientMessage(bytes: Uint8Array): RelayClientMessage {
  const { op, id, body } = split(bytes);
  switch (op) {
    case RelayOp.listen:
      checkProof(body);
      return { op: 'listen', route: id, proof: body };
    case RelayOp.unlisten:
      expectEmpty(op, body);
      return { op: 'unlisten', route: id };
    case RelayOp.open: {
      if (body.length !== 4) throw malformed(`open carries a 4-byte ttl, got ${body.length} bytes`);
      const ttlSeconds = new DataView(body.buffer, body.byteOffset, 4).getUint32(0, false);
      checkTtl(ttlSeconds);
      return { op: 'open', rendezvous: id, ttlSeconds };
    }
    case RelayOp.close:
      expectEmpty(op, body);
      return { op: 'close', rendezvous: id };
    case RelayOp.knock:
      return { op: 'knock', rendezvous: id, ...splitKnock(op, body) };
    case RelayOp.send:
      return { op: 'send', route: id, frame: body };
    default:
      throw unknownOp(op, 'client');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeServerMessage(bytes: Uint8Array): RelayServerMessage {
  const { op, id, body } = split(bytes);
  switch (op) {
    case RelayOp.challenge:
      expectEmpty(op, body);
      return { op: 'challenge', nonce: id };
    case RelayOp.knocked:
      return { op: 'knocked', rendezvous: id, ...splitKnock(op, body) };
    case RelayOp.deliver:
      return { op: 'deliver', route: id, frame: body };
    case RelayOp.error: {
      const code = body[0];
      if (code === undefined || !(code in RELAY_ERROR_NAMES))
        throw malformed('error carries an unknown code');
      let message: string;
      try {
        message = utf8.decode(body.subarray(1));
      } catch {
        throw malformed('error message is not UTF-8');
      }
      return { op: 'error', id, code: code as RelayErrorCode, message };
    }
    default:
      throw unknownOp(op, 'relay');
  }
}
