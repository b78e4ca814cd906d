import { describe, expect, it } from 'vitest';
import { methodName, selectorOf } from './knownMethods';

describe('knownMethods', () => {
  it('computes selectors as the first four bytes of the keccak of the signature', () => {
    expect(selectorOf('transfer(address,uint256)')).toBe('0xa9059cbb');
    expect(selectorOf('claim()')).toBe('0x4e71d92d');
  });

  it('names a known selector, and answers any other as it is', () => {
    expect(methodName('0x4e71d92d')).toBe('claim()');
    expect(methodName('0xac9650d8')).toBe('multicall(bytes[])');
    expect(methodName('0x12345678')).toBe('0x12345678');
  });
});
