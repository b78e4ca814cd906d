import { describe, expect, it } from 'vitest';
import {
  decodeInvite,
  encodeInvite,
  INVITE_LIFETIME_MS,
  inviteUrl,
  parseInviteUrl,
  type Invite,
} from './invite';

const now = 1_800_000_000_000;
const invite: Invite = {
  rendezvous: new Uint8Array(16).fill(1),
  desktopKey: new Uint8Array(32).fill(2),
  psk: new Uint8Array(32).fill(3),
  expiresAt: now + INVITE_LIFETIME_MS,
  relay: 'ws://192.168.1.20:8787/relay',
};

describe('pairing invite', () => {
  it('round-trips through the QR URL, in the fragment', () => {
    const url = inviteUrl('http://192.168.1.20:8787/', invite);
    expect(url.startsWith('http://192.168.1.20:8787/#')).toBe(true);
    expect(parseInviteUrl(url, now)).toEqual(invite);
    expect(encodeInvite(invite)).toHaveLength(89 + invite.relay.length);
  });

  it('refuses an expired code and one that claims too long a life', () => {
    const bytes = encodeInvite(invite);
    expect(() => decodeInvite(bytes, invite.expiresAt)).toThrow(/expired/);
    expect(() => decodeInvite(encodeInvite({ ...invite, expiresAt: now + 10 * 60_000 }), now)).toThrow(
      /too long/,
    );
  });

  it('refuses other versions, damaged links and a relay that is not a WebSocket URL', () => {
    const bytes = encodeInvite(invite);
    const v2 = bytes.slice();
    v2[0] = 2;
    expect(() => decodeInvite(v2, now)).toThrow(/version 2/);
    expect(() => decodeInvite(bytes.slice(0, 60), now)).toThrow(/too short/);
    expect(() => parseInviteUrl('http://x/', now)).toThrow(/no invite/);
    expect(() => parseInviteUrl('http://x/#!!', now)).toThrow(/damaged/);
    expect(() => decodeInvite(encodeInvite({ ...invite, relay: 'http://evil/' }), now)).toThrow(/WebSocket/);
  });
});
