import { describe, expect, it } from 'vitest';
import { base64Bytes } from './base64Bytes';

const bytes = Uint8Array.from({ length: 64 }, (_, i) => i * 3);
const text = Buffer.from(bytes).toString('base64');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The 86th digit of 64 bytes carries 2 bits of data and 4 zero bits; setting one decodes the same bytes. */
function withPaddingBit(digit: string): string {
  return ALPHABET[ALPHABET.indexOf(digit) | 1] ?? '';
}

describe('base64Bytes', () => {
  it('decodes canonical base64 of the expected length', () => {
    expect(base64Bytes(text, 64)).toEqual(bytes);
    expect(base64Bytes(Buffer.from(bytes.subarray(0, 32)).toString('base64'), 32)).toEqual(
      bytes.subarray(0, 32),
    );
  });

  it('refuses every other writing of the same bytes, and other lengths', () => {
    for (const other of [
      text.slice(0, 86), // padding dropped
      `${text.slice(0, 85)}${withPaddingBit(text[85] ?? '')}==`, // the same bytes, a zero padding bit set
      ` ${text}`,
      `${text}\n`,
      Buffer.from(bytes).toString('base64url'),
      Buffer.from(bytes).toString('hex'),
    ]) {
      expect(base64Bytes(other, 64), other).toBeNull();
    }
    expect(base64Bytes(text, 63)).toBeNull();
    expect(base64Bytes(Buffer.from(bytes.subarray(0, 63)).toString('base64'), 64)).toBeNull();
  });
});
