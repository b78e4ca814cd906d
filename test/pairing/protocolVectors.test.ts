import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeInvite, inviteUrl, parseInviteUrl, type Invite } from '../../src/shared/pairing/invite';
import { keyPairFrom, NoiseHandshake } from '../../src/shared/pairing/noise';
import { SecureChannel } from '../../src/shared/pairing/secureChannel';
import {
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
} from '../../src/shared/pairing/sessionKeys';
import {
  FRAME_VECTOR,
  HANDSHAKE_VECTOR,
  INVITE_VECTOR,
  VECTOR_INPUTS as input,
  VECTOR_PUBLIC_KEYS,
} from './protocolVectors';

const desktopStatic = keyPairFrom(input.desktopStaticSecret);
const phoneStatic = keyPairFrom(input.phoneStaticSecret);
const phoneEphemeral = keyPairFrom(input.phoneEphemeralSecret);
const desktopEphemeral = keyPairFrom(input.desktopEphemeralSecret);
const prologue = handshakePrologue(input.mode, input.rendezvous);

const invite: Invite = {
  rendezvous: input.rendezvous,
  desktopKey: desktopStatic.publicKey,
  psk: input.psk,
  expiresAt: input.expiresAt,
  relay: input.relay,
};

const initiator = () =>
  new NoiseHandshake({
    role: 'initiator',
    prologue,
    staticKey: phoneStatic,
    remoteStatic: desktopStatic.publicKey,
    psk: input.psk,
    ephemeral: phoneEphemeral,
  });
const responder = () =>
  new NoiseHandshake({
    role: 'responder',
    prologue,
    staticKey: desktopStatic,
    psk: input.psk,
    ephemeral: desktopEphemeral,
  });

/** The phone's side of the handshake, run on the fixed inputs against the published message 2. */
function phoneHandshake() {
  const phone = initiator();
  const message1 = phone.writeMessage();
  phone.readMessage(hexToBytes(HANDSHAKE_VECTOR.message2));
  return { message1, result: phone.split() };
}

describe('protocol test vectors (docs/PROTOCOL.md section 15)', () => {
  it('derives the published public keys from the fixed secrets', () => {
    expect(bytesToHex(desktopStatic.publicKey)).toBe(VECTOR_PUBLIC_KEYS.desktopStatic);
    expect(bytesToHex(phoneStatic.publicKey)).toBe(VECTOR_PUBLIC_KEYS.phoneStatic);
    expect(bytesToHex(phoneEphemeral.publicKey)).toBe(VECTOR_PUBLIC_KEYS.phoneEphemeral);
    expect(bytesToHex(desktopEphemeral.publicKey)).toBe(VECTOR_PUBLIC_KEYS.desktopEphemeral);
  });

  it('encodes the invite and its URL', () => {
    expect(bytesToHex(encodeInvite(invite))).toBe(INVITE_VECTOR.bytes);
    expect(INVITE_VECTOR.bytes.length / 2).toBe(89 + input.relay.length);
    expect(inviteUrl(input.companionUrl, invite)).toBe(INVITE_VECTOR.url);
  });

  it('decodes the URL back to the inputs', () => {
    expect(parseInviteUrl(INVITE_VECTOR.url, input.now)).toEqual(invite);
  });

  it('produces the published handshake messages, hash and SAS on both sides', () => {
    const phone = initiator();
    const desktop = responder();
    const message1 = phone.writeMessage();
    expect(bytesToHex(prologue)).toBe(HANDSHAKE_VECTOR.prologue);
    expect(bytesToHex(message1)).toBe(HANDSHAKE_VECTOR.message1);
    expect(message1.length).toBe(96);
    expect(desktop.readMessage(message1)).toEqual(new Uint8Array(0));
    const message2 = desktop.writeMessage();
    expect(bytesToHex(message2)).toBe(HANDSHAKE_VECTOR.message2);
    expect(message2.length).toBe(48);
    expect(phone.readMessage(message2)).toEqual(new Uint8Array(0));
    for (const result of [phone.split(), desktop.split()]) {
      expect(bytesToHex(result.handshakeHash)).toBe(HANDSHAKE_VECTOR.handshakeHash);
      expect(shortAuthenticationString(result)).toBe(HANDSHAKE_VECTOR.sas);
    }
  });

  it('lets the desktop read the published message 1 and learn the phone’s static key', () => {
    const desktop = responder();
    desktop.readMessage(hexToBytes(HANDSHAKE_VECTOR.message1));
    expect(bytesToHex(desktop.remoteStatic ?? new Uint8Array(0))).toBe(VECTOR_PUBLIC_KEYS.phoneStatic);
    expect(bytesToHex(desktop.writeMessage())).toBe(HANDSHAKE_VECTOR.message2);
    expect(bytesToHex(desktop.split().remoteStatic)).toBe(VECTOR_PUBLIC_KEYS.phoneStatic);
  });

  it('derives the published session secrets and transport keys', () => {
    const { message1, result } = phoneHandshake();
    expect(bytesToHex(message1)).toBe(HANDSHAKE_VECTOR.message1);
    const secrets = deriveSessionSecrets(result);
    expect(bytesToHex(secrets.route)).toBe(HANDSHAKE_VECTOR.route);
    expect(bytesToHex(secrets.resumePsk)).toBe(HANDSHAKE_VECTOR.resumePsk);
    expect(bytesToHex(secrets.inbox)).toBe(HANDSHAKE_VECTOR.inbox);
    expect(bytesToHex(result.send)).toBe(HANDSHAKE_VECTOR.initiatorToResponder);
    expect(bytesToHex(result.receive)).toBe(HANDSHAKE_VECTOR.responderToInitiator);
  });

  it('seals the published frames at counters 0 and 1', () => {
    const { result } = phoneHandshake();
    const route = deriveSessionSecrets(result).route;
    const phone = new SecureChannel({ route, send: result.send, receive: result.receive });
    const message = utf8ToBytes(input.frameMessage);
    const first = phone.seal(message);
    const second = phone.seal(message);
    expect(first.map(bytesToHex)).toEqual([FRAME_VECTOR.counter0]);
    expect(second.map(bytesToHex)).toEqual([FRAME_VECTOR.counter1]);
    expect(FRAME_VECTOR.counter0.length / 2).toBe(280);
    expect(FRAME_VECTOR.counter1.length / 2).toBe(280);
  });

  it('lets the desktop open both published frames', () => {
    const desktop = new SecureChannel({
      route: hexToBytes(HANDSHAKE_VECTOR.route),
      send: hexToBytes(HANDSHAKE_VECTOR.responderToInitiator),
      receive: hexToBytes(HANDSHAKE_VECTOR.initiatorToResponder),
    });
    const decode = (frame: Uint8Array | null) => (frame ? new TextDecoder().decode(frame) : null);
    expect(decode(desktop.open(hexToBytes(FRAME_VECTOR.counter0)))).toBe(input.frameMessage);
    expect(decode(desktop.open(hexToBytes(FRAME_VECTOR.counter1)))).toBe(input.frameMessage);
  });
});
