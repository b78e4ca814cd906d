import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { BRIDGE_VECTOR_INPUTS as input, BRIDGE_VECTORS } from '../../../test/bridge/bridgeVectors';
import { keyPairFrom, NoiseHandshake } from '../pairing/noise';
import { SecureChannel } from '../pairing/secureChannel';
import { shortAuthenticationString } from '../pairing/sessionKeys';
import { decodeBridgeCode, encodeBridgeCode } from './bridgeInvite';
import { bridgePrologue, deriveBridgeSecrets, encodeFirstFrame } from './bridgeKeys';

/** Runs both ends with the fixed inputs of docs/EXTENSION.md section 9 and returns every value it lists. */
function computeVectors() {
  const desktop = keyPairFrom(input.desktopStaticSecret);
  const browser = keyPairFrom(input.browserStaticSecret);
  const code = encodeBridgeCode({
    rendezvous: input.rendezvous,
    desktopKey: desktop.publicKey,
    psk: input.psk,
    expiresAt: input.expiresAt,
    port: input.port,
  });
  const prologue = bridgePrologue('pair', input.rendezvous);
  const initiator = new NoiseHandshake({
    role: 'initiator',
    prologue,
    staticKey: browser,
    remoteStatic: desktop.publicKey,
    psk: input.psk,
    ephemeral: keyPairFrom(input.browserEphemeralSecret),
  });
  const responder = new NoiseHandshake({
    role: 'responder',
    prologue,
    staticKey: desktop,
    psk: input.psk,
    ephemeral: keyPairFrom(input.desktopEphemeralSecret),
  });
  const message1 = initiator.writeMessage();
  responder.readMessage(message1);
  const message2 = responder.writeMessage();
  initiator.readMessage(message2);
  const result = initiator.split();
  const secrets = deriveBridgeSecrets(result);
  const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
  const [helloFrame] = channel.seal(new TextEncoder().encode(input.hello));
  return {
    code,
    browserStaticPublic: bytesToHex(browser.publicKey),
    desktopStaticPublic: bytesToHex(desktop.publicKey),
    prologue: bytesToHex(prologue),
    firstFrame: bytesToHex(encodeFirstFrame('pair', input.rendezvous, message1)),
    message2: bytesToHex(message2),
    initiatorSend: bytesToHex(result.send),
    initiatorReceive: bytesToHex(result.receive),
    route: bytesToHex(secrets.route),
    browserId: bytesToHex(secrets.browserId),
    resumePsk: bytesToHex(secrets.resumePsk),
    sas: shortAuthenticationString(result),
    helloFrame: bytesToHex(helloFrame as Uint8Array),
    responderAgrees: bytesToHex(responder.split().receive) === bytesToHex(result.send),
  };
}

describe('the bridge test vectors of docs/EXTENSION.md', () => {
  it('are what both ends compute from the fixed inputs', () => {
    expect(computeVectors()).toEqual(BRIDGE_VECTORS);
  });

  it('decode back to the inputs', () => {
    const invite = decodeBridgeCode(BRIDGE_VECTORS.code, input.expiresAt - 60_000);
    expect(invite).toEqual({
      rendezvous: input.rendezvous,
      desktopKey: keyPairFrom(input.desktopStaticSecret).publicKey,
      psk: input.psk,
      expiresAt: input.expiresAt,
      port: input.port,
    });
  });
});
