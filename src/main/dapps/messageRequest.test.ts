import { hexlify, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { accountLookup, FIRST, HIDDEN, SECOND, SITE, thrown } from '../../../test/dapps/signingFixtures';
import { MAX_MESSAGE_BYTES, messageToSign, parseMessage } from './messageRequest';

const HELLO = hexlify(toUtf8Bytes('Sign in to app.example.org'));

describe('parseMessage', () => {
  it('reads [message, address] and shows text when the bytes are text', () => {
    const detail = parseMessage([HELLO, FIRST.address], SITE, accountLookup);
    expect(detail).toMatchObject({ type: 'message', text: 'Sign in to app.example.org', hex: HELLO });
    expect(detail.account.accountId).toBe(1);
    expect(messageToSign(detail)).toEqual(toUtf8Bytes('Sign in to app.example.org'));
  });

  it('shows hex alone for bytes that are not text', () => {
    const hash = `0x${'ff'.repeat(32)}`;
    expect(parseMessage([hash, SECOND.address], SITE, accountLookup)).toMatchObject({
      text: null,
      hex: hash,
    });
  });

  it('takes [address, message] only when it cannot be read the other way', () => {
    expect(parseMessage([FIRST.address, HELLO], SITE, accountLookup).account.accountId).toBe(1);
    // Both are addresses: the standard order wins, and the "message" is the first address's bytes.
    const both = parseMessage([SECOND.address, FIRST.address], SITE, accountLookup);
    expect(both.account.accountId).toBe(1);
    expect(both.hex).toBe(SECOND.address.toLowerCase());
  });

  it('signs text sent as text as its UTF-8 bytes', () => {
    expect(parseMessage(['hello', FIRST.address], SITE, accountLookup).hex).toBe(
      hexlify(toUtf8Bytes('hello')),
    );
  });

  it('refuses with 4100 an account the site was not given', () => {
    expect(thrown(() => parseMessage([HELLO, HIDDEN.address], SITE, accountLookup))).toMatchObject({
      code: 4100,
    });
  });

  it('refuses with -32602 malformed params and oversized messages', () => {
    const long = `0x${'61'.repeat(MAX_MESSAGE_BYTES + 1)}`;
    for (const params of [
      [HELLO],
      [HELLO, 'bob'],
      ['0x123', FIRST.address],
      [long, FIRST.address],
      [1, 2],
      {},
    ]) {
      expect(
        thrown(() => parseMessage(params, SITE, accountLookup)),
        JSON.stringify(params).slice(0, 80),
      ).toMatchObject({
        code: -32602,
      });
    }
  });
});
