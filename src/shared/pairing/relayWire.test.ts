import { describe, expect, it } from 'vitest';
import {
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeServerMessage,
  RELAY_MAX_BODY_BYTES,
  RELAY_MAX_MESSAGE_BYTES,
  RELAY_MAX_TTL_SECONDS,
  RelayErrorCode,
  RelayWireError,
  type RelayClientMessage,
  type RelayServerMessage,
} from './relayWire';

const id = new Uint8Array(16).fill(7);
const route = new Uint8Array(16).fill(9);
const bytes = (...values: number[]) => Uint8Array.from(values);
/** Shape only: whether it verifies is the relay's business (relayProof). */
const proof = new Uint8Array(96).fill(5);

function wireError(run: () => unknown): RelayWireError {
  try {
    run();
  } catch (error) {
    if (error instanceof RelayWireError) return error;
    throw error;
  }
  throw new Error('expected a RelayWireError');
}

describe('relay wire format', () => {
  it('lays out every client op as op | id | body', () => {
    expect(encodeClientMessage({ op: 'listen', route: id, proof })).toEqual(bytes(0x01, ...id, ...proof));
    expect(encodeClientMessage({ op: 'open', rendezvous: id, ttlSeconds: 0x00090a0b })).toEqual(
      bytes(0x02, ...id, 0, 9, 10, 11),
    );
    expect(
      encodeClientMessage({ op: 'knock', rendezvous: id, replyRoute: route, handshake: bytes(5, 6) }),
    ).toEqual(bytes(0x03, ...id, ...route, 5, 6));
    expect(encodeClientMessage({ op: 'send', route: id, frame: bytes(8) })).toEqual(bytes(0x04, ...id, 8));
    expect(encodeClientMessage({ op: 'unlisten', route: id })).toEqual(bytes(0x05, ...id));
    expect(encodeClientMessage({ op: 'close', rendezvous: id })).toEqual(bytes(0x06, ...id));
  });

  it('lays out every relay op and names error codes in UTF-8', () => {
    expect(encodeServerMessage({ op: 'challenge', nonce: id })).toEqual(bytes(0x80, ...id));
    expect(
      encodeServerMessage({ op: 'knocked', rendezvous: id, replyRoute: route, handshake: bytes(1) }),
    ).toEqual(bytes(0x81, ...id, ...route, 1));
    expect(encodeServerMessage({ op: 'deliver', route: id, frame: bytes(2, 3) })).toEqual(
      bytes(0x84, ...id, 2, 3),
    );
    expect(
      encodeServerMessage({ op: 'error', id, code: RelayErrorCode.queueFull, message: 'plein é' }),
    ).toEqual(bytes(0x8f, ...id, 5, ...new TextEncoder().encode('plein é')));
  });

  it('round-trips every message', () => {
    const client: RelayClientMessage[] = [
      { op: 'listen', route: id, proof },
      { op: 'unlisten', route: id },
      { op: 'open', rendezvous: id, ttlSeconds: RELAY_MAX_TTL_SECONDS },
      { op: 'close', rendezvous: id },
      { op: 'knock', rendezvous: id, replyRoute: route, handshake: new Uint8Array(96).fill(3) },
      { op: 'send', route: id, frame: new Uint8Array(RELAY_MAX_BODY_BYTES).fill(4) },
      { op: 'send', route: id, frame: new Uint8Array(0) },
    ];
    for (const message of client) expect(decodeClientMessage(encodeClientMessage(message))).toEqual(message);
    const server: RelayServerMessage[] = [
      { op: 'challenge', nonce: id },
      { op: 'knocked', rendezvous: id, replyRoute: route, handshake: new Uint8Array(0) },
      { op: 'deliver', route: id, frame: new Uint8Array(300).fill(1) },
      { op: 'error', id, code: RelayErrorCode.rendezvousTaken, message: 'taken' },
    ];
    for (const message of server) expect(decodeServerMessage(encodeServerMessage(message))).toEqual(message);
  });

  it('decodes from a view into a larger buffer', () => {
    const backing = new Uint8Array(64);
    const message = encodeClientMessage({ op: 'open', rendezvous: id, ttlSeconds: 600 });
    backing.set(message, 5);
    expect(decodeClientMessage(backing.subarray(5, 5 + message.length))).toEqual({
      op: 'open',
      rendezvous: id,
      ttlSeconds: 600,
    });
  });

  it('refuses short input, unknown ops and bodies that do not fit the op', () => {
    expect(wireError(() => decodeClientMessage(new Uint8Array(16))).message).toMatch(/at least 17 bytes/);
    expect(wireError(() => decodeClientMessage(bytes(0x07, ...id))).message).toMatch(/0x07 is not/);
    expect(wireError(() => decodeClientMessage(bytes(0x84, ...id))).message).toMatch(/0x84 is not/);
    expect(wireError(() => decodeServerMessage(bytes(0x01, ...id))).message).toMatch(/0x01 is not/);
    expect(wireError(() => decodeClientMessage(bytes(0x01, ...id))).message).toMatch(/96-byte proof/);
    expect(wireError(() => decodeClientMessage(bytes(0x01, ...id, ...proof, 0))).message).toMatch(
      /96-byte proof/,
    );
    expect(wireError(() => decodeServerMessage(bytes(0x80, ...id, 0))).message).toMatch(/no body/);
    expect(wireError(() => decodeClientMessage(bytes(0x80, ...id))).message).toMatch(/0x80 is not/);
    expect(wireError(() => decodeClientMessage(bytes(0x05, ...id, 0))).message).toMatch(/no body/);
    expect(wireError(() => decodeClientMessage(bytes(0x06, ...id, 0))).message).toMatch(/no body/);
    expect(wireError(() => decodeClientMessage(bytes(0x02, ...id, 0, 0, 1))).message).toMatch(/4-byte ttl/);
    expect(wireError(() => decodeClientMessage(bytes(0x02, ...id, 0, 0, 0, 0))).message).toMatch(/1 to/);
    expect(wireError(() => decodeClientMessage(bytes(0x02, ...id, 0xff, 0, 0, 0))).message).toMatch(/1 to/);
    expect(wireError(() => decodeClientMessage(bytes(0x03, ...id, 1, 2))).message).toMatch(/reply route/);
    expect(wireError(() => decodeServerMessage(bytes(0x8f, ...id))).message).toMatch(/unknown code/);
    expect(wireError(() => decodeServerMessage(bytes(0x8f, ...id, 9))).message).toMatch(/unknown code/);
    expect(wireError(() => decodeServerMessage(bytes(0x8f, ...id, 1, 0xff))).message).toMatch(/UTF-8/);
    for (const error of [
      wireError(() => decodeClientMessage(bytes(0x07, ...id))),
      wireError(() => decodeClientMessage(new Uint8Array(0))),
    ]) {
      expect(error.code).toBe(RelayErrorCode.malformed);
    }
  });

  it('refuses oversized messages with too_large, on both ends', () => {
    const big = new Uint8Array(RELAY_MAX_MESSAGE_BYTES + 1);
    big[0] = 0x04;
    expect(wireError(() => decodeClientMessage(big)).code).toBe(RelayErrorCode.tooLarge);
    const error = wireError(() =>
      encodeClientMessage({ op: 'send', route: id, frame: new Uint8Array(RELAY_MAX_BODY_BYTES + 1) }),
    );
    expect(error.code).toBe(RelayErrorCode.tooLarge);
  });

  it('refuses to encode ids, reply routes and ttls of the wrong shape', () => {
    expect(
      wireError(() => encodeClientMessage({ op: 'listen', route: new Uint8Array(15), proof })).message,
    ).toMatch(/16 bytes, not 15/);
    expect(
      wireError(() => encodeClientMessage({ op: 'listen', route: id, proof: proof.subarray(1) })).message,
    ).toMatch(/96-byte proof, not 95/);
    expect(
      wireError(() =>
        encodeClientMessage({ op: 'knock', rendezvous: id, replyRoute: bytes(1), handshake: bytes() }),
      ).message,
    ).toMatch(/reply route/);
    expect(() => encodeClientMessage({ op: 'open', rendezvous: id, ttlSeconds: 1.5 })).toThrow(
      RelayWireError,
    );
    expect(() =>
      encodeClientMessage({ op: 'open', rendezvous: id, ttlSeconds: RELAY_MAX_TTL_SECONDS + 1 }),
    ).toThrow(RelayWireError);
  });
});
