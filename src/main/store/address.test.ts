import { describe, expect, it } from 'vitest';
import { ChecksumAddress, toChecksumAddress } from './address';
import { StoreError } from './storeError';

const CHECKSUMMED = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('toChecksumAddress', () => {
  it('checksums lowercase and uppercase input', () => {
    expect(toChecksumAddress(CHECKSUMMED.toLowerCase())).toBe(CHECKSUMMED);
    expect(toChecksumAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
  });

  it('says a mixed-case address with a wrong checksum was mistyped', () => {
    const typo = CHECKSUMMED.replace('F6F4', 'f6F4');
    expect(() => toChecksumAddress(typo)).toThrow(/checksum error; a character was probably mistyped/);
  });

  it.each([
    '',
    'f39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    '0x1234',
    `${CHECKSUMMED}00`,
    'XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS',
  ])('refuses %j as not an address', (input) => {
    const error = (() => {
      try {
        toChecksumAddress(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/is not an address/),
    });
  });
});

describe('ChecksumAddress schema', () => {
  it('parses to the checksummed form and reports problems as issues', () => {
    expect(ChecksumAddress.parse(CHECKSUMMED.toLowerCase())).toBe(CHECKSUMMED);
    const result = ChecksumAddress.safeParse('0xnope');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/is not an address/);
  });
});
