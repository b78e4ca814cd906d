import { base64urlnopad } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CODE_PREFIX, decodeBridgeCode, encodeBridgeCode, type BridgeInvite } from './bridgeInvite';

const NOW = 1_800_000_000_000;
const invite: BridgeInvite = {
  rendezvous: new Uint8Array(16).fill(1),
  desktopKey: new Uint8Array(32).fill(2),
  psk: new Uint8Array(32).fill(3),
  expiresAt: NOW + 120_000,
  port: 47391,
};
const bytesOf = (code: string) => base64urlnopad.decode(code.slice(BRIDGE_CODE_PREFIX.length));
const codeOf = (bytes: Uint8Array) => BRIDGE_CODE_PREFIX + base64urlnopad.encode(bytes);

describe('the pairing code', () => {
  it('is the prefix and 91 bytes, and reads back, pasted with white space around it', () => {
    const code = encodeBridgeCode(invite);
    expect(bytesOf(code)).toHaveLength(91);
    expect(decodeBridgeCode(`  ${code}\n`, NOW)).toEqual(invite);
  });

  it('refuses an expired code, and one that claims to live longer than 120 s', () => {
    expect(() => decodeBridgeCode(encodeBridgeCode(invite), invite.expiresAt)).toThrow(
      expect.objectContaining({ code: 'invite_expired' }),
    );
    const long = encodeBridgeCode({ ...invite, expiresAt: NOW + 130_000 });
    expect(() => decodeBridgeCode(long, NOW)).toThrow(/too long/);
  });

  it('refuses other prefixes, damage, other lengths, other versions and port 0', () => {
    const bytes = bytesOf(encodeBridgeCode(invite));
    const cases: [string, RegExp][] = [
      [encodeBridgeCode(invite).replace('extension', 'phone'), /does not start/],
      [`${BRIDGE_CODE_PREFIX}!!!`, /damaged/],
      [codeOf(bytes.slice(0, 90)), /too short/],
      [codeOf(new Uint8Array([...bytes, 0])), /too long/],
      [codeOf(Uint8Array.from(bytes, (byte, index) => (index === 0 ? 2 : byte))), /version 2/],
      [codeOf(Uint8Array.from(bytes, (byte, index) => (index >= 89 ? 0 : byte))), /no usable port/],
      [BRIDGE_CODE_PREFIX + 'A'.repeat(200), /too long/],
    ];
    for (const [code, message] of cases) expect(() => decodeBridgeCode(code, NOW)).toThrow(message);
  });
});
