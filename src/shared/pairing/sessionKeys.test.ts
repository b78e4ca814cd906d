import { describe, expect, it } from 'vitest';
import { generateKeyPair, NoiseHandshake } from './noise';
import {
  checkHandshakeSize,
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
} from './sessionKeys';

describe('session keys', () => {
  it('takes handshake messages of exactly 96 and 48 bytes, refusing one that carries a payload', () => {
    const desktop = generateKeyPair();
    const prologue = handshakePrologue('pair', new Uint8Array(16));
    const psk = new Uint8Array(32).fill(3);
    const phone = new NoiseHandshake({
      role: 'initiator',
      prologue,
      staticKey: generateKeyPair(),
      remoteStatic: desktop.publicKey,
      psk,
    });
    const plain = phone.writeMessage();
    expect(() => checkHandshakeSize(plain, 1)).not.toThrow();
    const responder = new NoiseHandshake({ role: 'responder', prologue, staticKey: desktop, psk });
    responder.readMessage(plain);
    // Valid Noise, which would read the payload: this protocol refuses it by its size.
    const withPayload = responder.writeMessage(new Uint8Array(16));
    expect(() => checkHandshakeSize(withPayload, 2)).toThrow(
      expect.objectContaining({
        code: 'handshake_failed',
        message: expect.stringMatching(/64 bytes, not 48/),
      }),
    );
    expect(() => checkHandshakeSize(plain.subarray(0, 95), 1)).toThrow(/95 bytes, not 96/);
    expect(() => checkHandshakeSize(withPayload.subarray(0, 48), 2)).not.toThrow();
  });

  it('derives distinct route, resume key and inbox from the chaining key', () => {
    const secrets = deriveSessionSecrets({ chainingKey: new Uint8Array(32).fill(1) });
    expect(secrets.route).toHaveLength(16);
    expect(secrets.inbox).toHaveLength(16);
    expect(secrets.resumePsk).toHaveLength(32);
    expect(secrets.route).not.toEqual(secrets.inbox);
    expect(deriveSessionSecrets({ chainingKey: new Uint8Array(32).fill(2) }).route).not.toEqual(
      secrets.route,
    );
  });

  it('shows six digits that change with the transcript', () => {
    const a = shortAuthenticationString({ handshakeHash: new Uint8Array(32).fill(1) });
    const b = shortAuthenticationString({ handshakeHash: new Uint8Array(32).fill(2) });
    expect(a).toMatch(/^\d{6}$/);
    expect(b).toMatch(/^\d{6}$/);
    expect(a).not.toBe(b);
  });

  it('binds the prologue to the mode and the rendezvous', () => {
    const rendezvous = new Uint8Array(16).fill(9);
    const pair = handshakePrologue('pair', rendezvous);
    expect(new TextDecoder().decode(pair.subarray(0, 20))).toBe('ledgerline-pairing/1');
    expect(pair[20]).toBe(1);
    expect(handshakePrologue('resume', rendezvous)[20]).toBe(2);
    expect(pair.subarray(21)).toEqual(rendezvous);
  });
});
