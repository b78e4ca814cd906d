import { describe, expect, it } from 'vitest';
import { base32crockford } from '@scure/base';
import { ApiError } from '../../shared/api/envelope';
import { encodeHlc } from '../../shared/sync/hlc';
import { encodeKeyRing, newEpochKey } from '../../shared/sync/syncKeys';
import {
  inviteKeys,
  InvitePayload,
  JoinPayload,
  newInviteCode,
  openWithCode,
  sealWithCode,
  type InvitePayload as Invite,
  type JoinPayload as Join,
} from './syncInvite';

const DEVICE = '0123456789abcdef';
const invite = (): Invite => ({
  v: 1,
  ring: encodeKeyRing([newEpochKey([])]),
  roster: [
    {
      c: 'devices',
      k: DEVICE,
      f: 'member',
      v: JSON.stringify({ name: 'Studio', kind: 'desktop', sign: 'aa'.repeat(32), box: 'bb'.repeat(32) }),
      t: encodeHlc({ wall: 1_700_000_000_000, counter: 0, device: DEVICE }),
    },
  ],
  expiresAt: 1_700_000_600_000,
});
const join = (): Join => ({
  v: 1,
  id: 'fedcba9876543210',
  name: 'Laptop',
  sign: 'cc'.repeat(32),
  box: 'dd'.repeat(32),
});

function refusal(work: () => unknown): ApiError {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe('invalid_request');
  return caught as ApiError;
}

describe('newInviteCode', () => {
  it('is 160 random bits as eight groups of four Crockford base32 digits', () => {
    const code = newInviteCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(base32crockford.decode(code.replaceAll('-', ''))).toHaveLength(20);
    expect(new Set(Array.from({ length: 50 }, newInviteCode)).size).toBe(50);
  });
});

describe('inviteKeys', () => {
  it('derives a 32-byte key and two different 32-hex-digit names, the same for the same code', () => {
    const code = newInviteCode();
    const keys = inviteKeys(code);
    expect(keys.enc).toHaveLength(32);
    expect(keys.inviteName).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.joinName).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.inviteName).not.toBe(keys.joinName);
    expect(inviteKeys(code)).toEqual(keys);
    const other = inviteKeys(newInviteCode());
    expect(other.inviteName).not.toBe(keys.inviteName);
    expect(other.enc).not.toEqual(keys.enc);
  });

  it('reads the code typed in lower case, with spaces or without dashes, the same', () => {
    const code = newInviteCode();
    const keys = inviteKeys(code);
    const bare = code.replaceAll('-', '');
    for (const typed of [
      code.toLowerCase(),
      bare,
      bare.toLowerCase(),
      code.replaceAll('-', ' '),
      ` ${code} `,
      code.replaceAll('-', ' - '),
    ]) {
      expect(inviteKeys(typed)).toEqual(keys);
    }
  });

  it('tolerates O for 0 and I or L for 1, as Crockford base32 does', () => {
    const code = '0101-0101-0101-0101-0101-0101-0101-0101';
    const keys = inviteKeys(code);
    expect(inviteKeys(code.replaceAll('0', 'O').replaceAll('1', 'I'))).toEqual(keys);
    expect(inviteKeys(code.replaceAll('0', 'o').replaceAll('1', 'l'))).toEqual(keys);
  });

  it.each([
    ['empty', ''],
    ['too short', () => newInviteCode().slice(0, -1)],
    ['one group short', () => newInviteCode().slice(0, -5)],
    ['a letter Crockford leaves out', () => `U${newInviteCode().slice(1)}`],
    ['punctuation', () => `${newInviteCode().slice(0, -1)}!`],
    ['twice as long', () => `${newInviteCode()}-${newInviteCode()}`],
    ['a pairing word list', 'apple banana cherry'],
  ])('refuses a malformed code: %s', (_what, code) => {
    const error = refusal(() => inviteKeys(typeof code === 'function' ? code() : code));
    expect(error.message).toBe('That is not a sync invite code: check it against the other desktop.');
  });
});

describe('sealWithCode and openWithCode', () => {
  const failure =
    'The invite in the sync folder does not open with this code: it was changed, or it is from another code.';

  it('round-trips the invite (ring and roster) and the joiner’s answer', () => {
    const keys = inviteKeys(newInviteCode());
    const payload = invite();
    expect(openWithCode(keys, sealWithCode(keys, payload), InvitePayload)).toEqual(payload);
    const answer = join();
    expect(openWithCode(keys, sealWithCode(keys, answer), JoinPayload)).toEqual(answer);
  });

  it('seals with a fresh nonce each time and shows nothing in the clear', () => {
    const keys = inviteKeys(newInviteCode());
    const payload = join();
    const first = sealWithCode(keys, payload);
    const second = sealWithCode(keys, payload);
    expect(first).not.toEqual(second);
    const text = Buffer.from(first).toString('latin1');
    for (const clear of ['Laptop', 'fedcba9876543210', 'cccc']) expect(text.includes(clear)).toBe(false);
  });

  it('refuses to open with another code’s keys', () => {
    const sealed = sealWithCode(inviteKeys(newInviteCode()), invite());
    const error = refusal(() => openWithCode(inviteKeys(newInviteCode()), sealed, InvitePayload));
    expect(error.message).toBe(failure);
  });

  it('refuses tampered bytes: in the nonce, the ciphertext, the tag, or cut short', () => {
    const keys = inviteKeys(newInviteCode());
    const sealed = sealWithCode(keys, join());
    for (const index of [0, 23, 24, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(refusal(() => openWithCode(keys, tampered, JoinPayload)).message).toBe(failure);
    }
    expect(
      refusal(() => openWithCode(keys, sealed.subarray(0, sealed.length - 1), JoinPayload)).message,
    ).toBe(failure);
    expect(refusal(() => openWithCode(keys, new Uint8Array(10), JoinPayload)).message).toBe(failure);
  });

  it('refuses a payload of the other kind, or one that does not fit its schema', () => {
    const keys = inviteKeys(newInviteCode());
    refusal(() => openWithCode(keys, sealWithCode(keys, join()), InvitePayload));
    refusal(() => openWithCode(keys, sealWithCode(keys, invite()), JoinPayload));
    refusal(() => openWithCode(keys, sealWithCode(keys, { ...join(), id: 'not-hex' }), JoinPayload));
    refusal(() => openWithCode(keys, sealWithCode(keys, { ...join(), name: '' }), JoinPayload));
  });
});
