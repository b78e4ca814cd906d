import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createHash, createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyRouteProof } from '../../src/main/pairing/relay/routeProof';
import { proveRoute, routeKey } from '../../src/shared/pairing/relayProof';
import { encodeClientMessage } from '../../src/shared/pairing/relayWire';
import { HANDSHAKE_VECTOR, LISTEN_VECTOR } from './protocolVectors';

const route = hexToBytes(HANDSHAKE_VECTOR.route);
const nonce = hexToBytes(LISTEN_VECTOR.nonce);
/** PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410), so Node's own Ed25519 can derive the public key. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

describe('LISTEN proof vector (PROTOCOL.md section 15.4)', () => {
  it('reproduces the published seed, key, wire id and LISTEN bytes', () => {
    const key = routeKey(route);
    expect(bytesToHex(key.secretKey)).toBe(LISTEN_VECTOR.seed);
    expect(bytesToHex(key.publicKey)).toBe(LISTEN_VECTOR.publicKey);
    expect(bytesToHex(key.wireId)).toBe(LISTEN_VECTOR.wireId);
    const proof = proveRoute(key, nonce);
    expect(bytesToHex(proof.subarray(32))).toBe(LISTEN_VECTOR.signature);
    expect(bytesToHex(encodeClientMessage({ op: 'listen', route: key.wireId, proof }))).toBe(
      LISTEN_VECTOR.listen,
    );
  });

  it('derives the same values with Node’s own HKDF, Ed25519 and SHA-256, as the spec reads', () => {
    const seed = Buffer.from(hkdfSync('sha256', route, new Uint8Array(0), 'ledgerline-relay/2 listen', 32));
    expect(seed.toString('hex')).toBe(LISTEN_VECTOR.seed);
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const publicKey = spki.subarray(spki.length - 32);
    expect(publicKey.toString('hex')).toBe(LISTEN_VECTOR.publicKey);
    const wireId = createHash('sha256').update(publicKey).digest().subarray(0, 16);
    expect(wireId.toString('hex')).toBe(LISTEN_VECTOR.wireId);
  });

  it('is accepted by the relay for its challenge only', () => {
    const listen = hexToBytes(LISTEN_VECTOR.listen);
    const [wireId, proof] = [listen.subarray(1, 17), listen.subarray(17)];
    expect(verifyRouteProof(wireId, nonce, proof)).toBe(true);
    expect(verifyRouteProof(wireId, new Uint8Array(16), proof)).toBe(false);
  });
});
