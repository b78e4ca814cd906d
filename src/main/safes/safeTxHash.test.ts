import { TypedDataEncoder } from 'ethers';
import { describe, expect, it } from 'vitest';
import { sendFields } from '../../../test/safes/safeRows';
import type { SafeTxFields } from '../../shared/safes';
import { safeTxHash, safeTxTypedData } from './safeTxHash';

const SAFE = '0x1234567890AbcdEF1234567890aBcdef12345678';
const FIELDS = sendFields(7);

/** The typed data hashed by ethers, independently of protocol-kit's hashing. */
function ethersHash(chainId: number, fields: SafeTxFields): string {
  const { domain, types, message } = safeTxTypedData(chainId, SAFE, fields);
  const { EIP712Domain: _domain, ...structs } = types;
  return TypedDataEncoder.hash(domain, structs as Record<string, { name: string; type: string }[]>, message);
}

describe('safeTxHash', () => {
  it('equals the EIP-712 hash of the typed data a device signs', () => {
    expect(safeTxHash(1, SAFE, FIELDS)).toBe(ethersHash(1, FIELDS));
    expect(safeTxHash(1, SAFE, FIELDS)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('hashes an address the same in any case, even one whose mixed case is no valid checksum', () => {
    const odd = { ...FIELDS, to: '0x00000000000000000000000000000000000000aA' }; // not a valid checksum
    expect(safeTxHash(1, SAFE.toUpperCase().replace('0X', '0x'), odd)).toBe(
      safeTxHash(1, SAFE, { ...FIELDS, to: odd.to.toLowerCase() }),
    );
  });

  it('binds the chain, the Safe, and every field', () => {
    const base = safeTxHash(1, SAFE, FIELDS);
    expect(safeTxHash(10, SAFE, FIELDS)).not.toBe(base);
    expect(safeTxHash(1, FIELDS.to, FIELDS)).not.toBe(base);
    expect(safeTxHash(1, SAFE, { ...FIELDS, nonce: 8 })).not.toBe(base);
    expect(safeTxHash(1, SAFE, { ...FIELDS, operation: 1 })).not.toBe(base);
    expect(safeTxHash(1, SAFE, { ...FIELDS, data: '0x00' })).not.toBe(base);
  });
});

describe('safeTxTypedData', () => {
  it('declares the Safe ≥ 1.3 domain: chain id and the Safe, nothing else', () => {
    const data = safeTxTypedData(10, SAFE, FIELDS);
    expect(data.domain).toEqual({ chainId: 10, verifyingContract: SAFE });
    expect(data.types.EIP712Domain?.map((field) => field.name)).toEqual(['chainId', 'verifyingContract']);
    expect(data.primaryType).toBe('SafeTx');
    expect(data.message).toMatchObject({ value: FIELDS.value, nonce: '7', operation: 0 });
  });
});
