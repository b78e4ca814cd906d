import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { CACOPHONY_IKPSK2 as vector } from '../../../test/pairing/noiseVectors';
import { keyPairFrom, NoiseHandshake, noiseNonce } from './noise';

/** Checks the handshake against an independent implementation's output, byte for byte. */
describe('Noise_IKpsk2_25519_ChaChaPoly_SHA256 against the Cacophony vector', () => {
  it('reproduces both handshake messages, the handshake hash and the transport keys', () => {
    const responderStatic = keyPairFrom(hexToBytes(vector.respStatic));
    expect(bytesToHex(responderStatic.publicKey)).toBe(vector.initRemoteStatic);
    const initiator = new NoiseHandshake({
      role: 'initiator',
      prologue: hexToBytes(vector.initPrologue),
      staticKey: keyPairFrom(hexToBytes(vector.initStatic)),
      remoteStatic: hexToBytes(vector.initRemoteStatic),
      psk: hexToBytes(vector.initPsks[0] as string),
      ephemeral: keyPairFrom(hexToBytes(vector.initEphemeral)),
    });
    const responder = new NoiseHandshake({
      role: 'responder',
      prologue: hexToBytes(vector.respPrologue),
      staticKey: responderStatic,
      psk: hexToBytes(vector.respPsks[0] as string),
      ephemeral: keyPairFrom(hexToBytes(vector.respEphemeral)),
    });
    const [first, second, ...transport] = vector.messages;
    const one = initiator.writeMessage(hexToBytes(first?.payload ?? ''));
    expect(bytesToHex(one)).toBe(first?.ciphertext);
    expect(bytesToHex(responder.readMessage(one))).toBe(first?.payload);
    const two = responder.writeMessage(hexToBytes(second?.payload ?? ''));
    expect(bytesToHex(two)).toBe(second?.ciphertext);
    expect(bytesToHex(initiator.readMessage(two))).toBe(second?.payload);

    const phone = initiator.split();
    const desktop = responder.split();
    expect(bytesToHex(phone.handshakeHash)).toBe(vector.handshakeHash);
    expect(bytesToHex(desktop.handshakeHash)).toBe(vector.handshakeHash);
    // Transport messages alternate direction, each CipherState counting from 0 with empty associated data.
    const counters = { initiator: 0n, responder: 0n };
    transport.forEach((message, index) => {
      const fromInitiator = index % 2 === 0;
      const key = fromInitiator ? phone.send : desktop.send;
      const counter = fromInitiator ? counters.initiator++ : counters.responder++;
      const sealed = chacha20poly1305(key, noiseNonce(counter)).encrypt(hexToBytes(message.payload));
      expect(bytesToHex(sealed)).toBe(message.ciphertext);
    });
  });
});
