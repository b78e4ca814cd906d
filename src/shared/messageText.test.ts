import { describe, expect, it } from 'vitest';
import { messageText } from './messageText';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('messageText', () => {
  it('reads UTF-8 text, line breaks included', () => {
    expect(messageText(bytes('Sign in to example.org\nNonce: 42 ✓'))).toBe(
      'Sign in to example.org\nNonce: 42 ✓',
    );
  });

  it('has none for bytes that are not UTF-8, or that hide controls or direction marks', () => {
    expect(messageText(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
    expect(messageText(bytes('pay\u0000me'))).toBeNull();
    expect(messageText(bytes('abc\u202edcb'))).toBeNull();
    expect(messageText(new Uint8Array(32).fill(0x19))).toBeNull();
  });
});
