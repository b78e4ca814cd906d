import { describe, expect, it } from 'vitest';
import { proveRoute, RELAY_PROOF_BYTES, routeKey } from '../../../shared/pairing/relayProof';
import { verifyRouteProof } from './routeProof';

const route = new Uint8Array(16).fill(0x42);
const nonce = new Uint8Array(16).fill(0x07);

describe('route proofs', () => {
  it('derives a wire id that is neither the route nor the same for another route', () => {
    const key = routeKey(route);
    expect(key.wireId).toHaveLength(16);
    expect(key.wireId).not.toEqual(route);
    expect(routeKey(route).wireId).toEqual(key.wireId);
    expect(routeKey(new Uint8Array(16).fill(0x43)).wireId).not.toEqual(key.wireId);
  });

  it('accepts a proof for its own wire id and challenge', () => {
    const key = routeKey(route);
    const proof = proveRoute(key, nonce);
    expect(proof).toHaveLength(RELAY_PROOF_BYTES);
    expect(verifyRouteProof(key.wireId, nonce, proof)).toBe(true);
  });

  it('refuses a proof replayed on another socket, moved to another id, or tampered with', () => {
    const key = routeKey(route);
    const proof = proveRoute(key, nonce);
    expect(verifyRouteProof(key.wireId, new Uint8Array(16).fill(0x08), proof)).toBe(false);
    expect(verifyRouteProof(routeKey(new Uint8Array(16)).wireId, nonce, proof)).toBe(false);
    for (const at of [0, 40, 95]) {
      const bad = proof.slice();
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect(verifyRouteProof(key.wireId, nonce, bad)).toBe(false);
    }
    expect(verifyRouteProof(key.wireId, nonce, proof.subarray(1))).toBe(false);
  });

  it('refuses someone else’s valid key under a wire id it does not hash to', () => {
    const mine = routeKey(route);
    const theirs = routeKey(new Uint8Array(16).fill(0x99));
    // A genuine signature by the attacker's own key, naming the victim's wire id.
    const forged = proveRoute({ ...theirs, wireId: mine.wireId }, nonce);
    expect(verifyRouteProof(mine.wireId, nonce, forged)).toBe(false);
  });

  it('refuses a public key that is not a curve point without throwing', () => {
    const proof = new Uint8Array(RELAY_PROOF_BYTES).fill(0xff);
    expect(verifyRouteProof(new Uint8Array(16), nonce, proof)).toBe(false);
  });
});
