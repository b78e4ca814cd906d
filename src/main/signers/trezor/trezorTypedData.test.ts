import { concat, keccak256 } from 'ethers';
import { TypedDataEncoder } from 'ethers/hash';
import { describe, expect, it } from 'vitest';
import { MAIL } from '../../../../test/signing/fixtures';
import { toTrezorTypedData } from './trezorTypedData';

describe('toTrezorTypedData', () => {
  it('passes hashes whose EIP-712 digest matches the full encoding', () => {
    const request = toTrezorTypedData("m/44'/60'/0'/0/0", MAIL);
    const { EIP712Domain: _domain, ...types } = MAIL.types;
    const expected = TypedDataEncoder.hash(MAIL.domain, types as never, MAIL.message);
    expect(keccak256(concat(['0x1901', request.domain_separator_hash, request.message_hash ?? '0x']))).toBe(
      expected,
    );
    expect(request.metamask_v4_compat).toBe(true);
    expect(request.data.types.EIP712Domain).toHaveLength(4);
  });

  it('omits the message hash when the domain itself is signed', () => {
    const request = toTrezorTypedData("m/44'/60'/0'/0/0", { ...MAIL, primaryType: 'EIP712Domain' });
    expect(request.message_hash).toBeUndefined();
  });

  it('requires the EIP712Domain type', () => {
    const { EIP712Domain: _domain, ...types } = MAIL.types;
    expect(() => toTrezorTypedData("m/44'/60'/0'/0/0", { ...MAIL, types })).toThrow(/EIP712Domain/);
  });
});
