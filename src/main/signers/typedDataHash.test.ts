import { TypedDataEncoder, keccak256, toUtf8Bytes, AbiCoder, concat } from 'ethers';
import { describe, expect, it } from 'vitest';
import { MAIL, typesWithoutDomain } from '../../../test/signing/fixtures';
import type { TypedData } from './signer';
import { domainChainId, typedDataHashes } from './typedDataHash';

/** The Mail domain with its fields declared chainId first, as some dapps send it. */
const REORDERED: TypedData = {
  ...MAIL,
  types: {
    ...MAIL.types,
    EIP712Domain: [
      { name: 'chainId', type: 'uint256' },
      { name: 'name', type: 'string' },
      { name: 'verifyingContract', type: 'address' },
      { name: 'version', type: 'string' },
    ],
  },
};

describe('typedDataHashes', () => {
  it('gives the EIP-712 digest ethers computes for a standard domain', () => {
    const { domainSeparator, structHash, digest } = typedDataHashes(MAIL);
    expect(digest).toBe(TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message));
    expect(keccak256(concat(['0x1901', domainSeparator, structHash]))).toBe(digest);
  });

  it('ignores types the primary type does not use', () => {
    const withLeftover = { ...MAIL, types: { ...MAIL.types, Unused: [{ name: 'x', type: 'uint8' }] } };
    expect(typedDataHashes(withLeftover)).toEqual(typedDataHashes(MAIL));
  });

  it('hashes the domain in the field order the request declares, as EIP-712 defines', () => {
    const typeHash = keccak256(
      toUtf8Bytes('EIP712Domain(uint256 chainId,string name,address verifyingContract,string version)'),
    );
    const expected = keccak256(
      AbiCoder.defaultAbiCoder().encode(
        ['bytes32', 'uint256', 'bytes32', 'address', 'bytes32'],
        [
          typeHash,
          1,
          keccak256(toUtf8Bytes('Ether Mail')),
          MAIL.domain.verifyingContract,
          keccak256(toUtf8Bytes('1')),
        ],
      ),
    );
    expect(typedDataHashes(REORDERED).domainSeparator).toBe(expected);
    expect(expected).not.toBe(TypedDataEncoder.hashDomain(MAIL.domain));
  });

  it('derives the standard domain type when the request declares none', () => {
    const { EIP712Domain: _domain, ...structs } = MAIL.types;
    expect(typedDataHashes({ ...MAIL, types: structs })).toEqual(typedDataHashes(MAIL));
  });

  it('hashes a hex or decimal-string chainId as the number it names', () => {
    for (const chainId of ['0x1', '1']) {
      expect(typedDataHashes({ ...MAIL, domain: { ...MAIL.domain, chainId } })).toEqual(
        typedDataHashes(MAIL),
      );
    }
  });

  it('refuses a domain value its type does not declare, so a signature cannot leave it uncovered', () => {
    const types = {
      ...MAIL.types,
      EIP712Domain: (MAIL.types.EIP712Domain ?? []).filter((field) => field.name !== 'chainId'),
    };
    expect(() => typedDataHashes({ ...MAIL, types })).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('chainId') }),
    );
  });

  it('refuses a declared domain field without a value, a chainId that is not uint256, and a broken message', () => {
    const { version: _version, ...domain } = MAIL.domain;
    expect(() => typedDataHashes({ ...MAIL, domain })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    const stringChain = {
      ...MAIL.types,
      EIP712Domain: (MAIL.types.EIP712Domain ?? []).map((field) =>
        field.name === 'chainId' ? { name: 'chainId', type: 'string' } : field,
      ),
    };
    expect(() => typedDataHashes({ ...MAIL, types: stringChain })).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('uint256') }),
    );
    const broken = { ...MAIL, message: { ...MAIL.message, delta: 'minus forty-two' } };
    expect(() => typedDataHashes(broken)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});

describe('domainChainId', () => {
  it.each([
    [1, 1n],
    ['1', 1n],
    ['0x1', 1n],
    ['0xaa36a7', 11_155_111n],
    ['11155111', 11_155_111n],
  ] as const)('reads %j as chain %s', (chainId, expected) => {
    expect(domainChainId({ ...MAIL, domain: { ...MAIL.domain, chainId } })).toBe(expected);
  });

  it('is null when the domain names no chain', () => {
    const { chainId: _chainId, ...domain } = MAIL.domain;
    expect(domainChainId({ ...MAIL, domain })).toBeNull();
  });

  it.each([-1, 1.5, 'one', '0x', '', true, null, { id: 1 }])('refuses %j as a chain id', (chainId) => {
    expect(() => domainChainId({ ...MAIL, domain: { ...MAIL.domain, chainId } })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });
});
