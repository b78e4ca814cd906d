import { describe, expect, it } from 'vitest';
import { generateKeyPair, NoiseHandshake, type KeyPair } from './noise';
import { PairingError } from './pairingError';

const prologue = new TextEncoder().encode('test prologue');
const psk = new Uint8Array(32).fill(7);

function pair(options: { responderPsk?: Uint8Array; pinned?: Uint8Array; desktop?: KeyPair } = {}) {
  const desktop = options.desktop ?? generateKeyPair();
  const phone = generateKeyPair();
  const initiator = new NoiseHandshake({
    role: 'initiator',
    prologue,
    staticKey: phone,
    remoteStatic: options.pinned ?? desktop.publicKey,
    psk,
  });
  const responder = new NoiseHandshake({
    role: 'responder',
    prologue,
    staticKey: desktop,
    psk: options.responderPsk ?? psk,
  });
  return { desktop, phone, initiator, responder };
}

describe('Noise IKpsk2 handshake', () => {
  it('agrees on crossed transport keys, the transcript hash and the phone’s static key', () => {
    const { phone, initiator, responder } = pair();
    expect(responder.readMessage(initiator.writeMessage(new Uint8Array([1, 2])))).toEqual(
      new Uint8Array([1, 2]),
    );
    expect(responder.remoteStatic).toEqual(phone.publicKey);
    expect(initiator.readMessage(responder.writeMessage())).toEqual(new Uint8Array(0));
    const a = initiator.split();
    const b = responder.split();
    expect(a.send).toEqual(b.receive);
    expect(a.receive).toEqual(b.send);
    expect(a.send).not.toEqual(a.receive);
    expect(a.handshakeHash).toEqual(b.handshakeHash);
    expect(a.chainingKey).toEqual(b.chainingKey);
  });

  it('messages are 96 and 48 bytes with empty payloads', () => {
    const { initiator, responder } = pair();
    const first = initiator.writeMessage();
    expect(first).toHaveLength(96);
    responder.readMessage(first);
    expect(responder.writeMessage()).toHaveLength(48);
  });

  it('fails for a phone that pinned another desktop key (a relay that swapped it)', () => {
    const { initiator, responder } = pair({ pinned: generateKeyPair().publicKey });
    expect(() => responder.readMessage(initiator.writeMessage())).toThrow(PairingError);
  });

  it('fails on the phone when the desktop does not know the QR’s pre-shared key', () => {
    const { initiator, responder } = pair({ responderPsk: new Uint8Array(32).fill(8) });
    responder.readMessage(initiator.writeMessage());
    expect(() => initiator.readMessage(responder.writeMessage())).toThrow(/did not verify/);
  });

  it('fails when a relay answers with its own key in place of the desktop', () => {
    const { initiator } = pair();
    const impostor = new NoiseHandshake({ role: 'responder', prologue, staticKey: generateKeyPair(), psk });
    expect(() => impostor.readMessage(initiator.writeMessage())).toThrow(/did not verify/);
  });

  it('fails on any flipped bit, on truncation, and on a message out of turn', () => {
    const { initiator, responder } = pair();
    const first = initiator.writeMessage();
    const flipped = first.slice();
    flipped[40] = (flipped[40] as number) ^ 1;
    expect(() => responder.readMessage(flipped)).toThrow(PairingError);
    expect(() => pair().responder.readMessage(first.slice(0, 50))).toThrow(/truncated/);
    expect(() => initiator.writeMessage()).toThrow(/out of turn/);
    expect(() => responder.split()).toThrow(/not complete/);
  });

  it('refuses a low-order ephemeral key', () => {
    const { responder } = pair();
    const hostile = new Uint8Array(96);
    expect(() => responder.readMessage(hostile)).toThrow(/unusable key/);
  });

  it('differs in every key when run again with the same static keys', () => {
    const desktop = generateKeyPair();
    const run = () => {
      const { initiator, responder } = pair({ desktop });
      responder.readMessage(initiator.writeMessage());
      initiator.readMessage(responder.writeMessage());
      return initiator.split();
    };
    expect(run().send).not.toEqual(run().send);
  });
});
