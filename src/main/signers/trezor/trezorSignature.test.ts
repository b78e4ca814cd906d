import { describe, expect, it } from 'vitest';
import { signatureFromParts, signatureFromRsv, yParityFromV } from './trezorSignature';

describe('trezorSignature', () => {
  it('reads parity from every form of v', () => {
    expect(yParityFromV(0n)).toBe(0);
    expect(yParityFromV(1n)).toBe(1);
    expect(yParityFromV(27n)).toBe(0);
    expect(yParityFromV(28n)).toBe(1);
    expect(yParityFromV(37n)).toBe(0); // chain 1
    expect(yParityFromV(38n)).toBe(1);
    expect(yParityFromV(11155111n * 2n + 35n)).toBe(0);
    expect(yParityFromV(11155111n * 2n + 36n)).toBe(1);
    expect(yParityFromV((11155111n * 2n + 36n) & 0xffn)).toBe(1);
  });

  it('pads r and s to 32 bytes', () => {
    const parts = signatureFromParts('0x1', 'ABC', '0x25');
    expect(parts).toEqual({ r: `0x${'0'.repeat(63)}1`, s: `0x${'0'.repeat(61)}abc`, yParity: 0 });
  });

  it('splits a 65-byte signature', () => {
    const r = 'aa'.repeat(32);
    const s = 'bb'.repeat(32);
    expect(signatureFromRsv(`0x${r}${s}1c`)).toEqual({ r: `0x${r}`, s: `0x${s}`, yParity: 1 });
    expect(signatureFromRsv(`${r}${s}1b`).yParity).toBe(0);
    expect(() => signatureFromRsv('0x1234')).toThrow(/65 bytes/);
  });
});
