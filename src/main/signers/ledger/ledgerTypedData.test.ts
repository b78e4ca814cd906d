import { TypedDataEncoder, concat, keccak256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { MAIL, typesWithoutDomain } from '../../../../test/signing/fixtures';
import { toLedgerTypedMessage, typedDataHashes } from './ledgerTypedData';

describe('typedDataHashes', () => {
  it('yields the two hashes whose 0x1901 digest is the EIP-712 hash', () => {
    const { domainSeparator, structHash } = typedDataHashes(MAIL);
    expect(keccak256(concat(['0x1901', domainSeparator, structHash]))).toBe(
      TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message),
    );
  });

  it('ignores types the primary type does not use', () => {
    const withLeftover = { ...MAIL, types: { ...MAIL.types, Unused: [{ name: 'x', type: 'uint8' }] } };
    expect(typedDataHashes(withLeftover)).toEqual(typedDataHashes(MAIL));
  });

  it('hands hw-app-eth every type, the domain type included', () => {
    const message = toLedgerTypedMessage(MAIL);
    expect(message.types).toEqual(MAIL.types);
    expect(message.domain).toBe(MAIL.domain);
    expect(message.primaryType).toBe('Mail');
  });
});
