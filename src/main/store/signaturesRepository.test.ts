import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { toChecksumAddress } from './address';
import { SignaturesRepository } from './signaturesRepository';

const ADDRESS = toChecksumAddress('0x9858effd232b4033e47d90003d41ec34ecaeda94');
const DIGEST = `0x${'ab'.repeat(32)}`;

const temp = useTempDatabase();
const repository = () => new SignaturesRepository(temp.db);

describe('SignaturesRepository', () => {
  it('records which device signed a digest and when, whatever the digest’s case', () => {
    const signatures = repository();
    const record = {
      address: ADDRESS,
      signer: 'ledger' as const,
      deviceFingerprint: 'c3a1b2d4',
      kind: 'transaction' as const,
      chainId: 11155111,
      digest: DIGEST.toUpperCase().replace('0X', '0x'),
      signedAt: 1_700_000_000_000,
    };
    signatures.record(record);
    expect(signatures.byDigest(DIGEST)).toEqual([{ ...record, digest: DIGEST }]);
    expect(signatures.byDigest(`0x${'cd'.repeat(32)}`)).toEqual([]);
  });

  it('refuses a transaction without its chain, and a digest that is not 32 bytes', () => {
    const signatures = repository();
    const base = {
      address: ADDRESS,
      signer: 'trezor' as const,
      deviceFingerprint: 'c3a1b2d4',
      signedAt: 1,
    };
    expect(() => signatures.record({ ...base, kind: 'transaction', chainId: null, digest: DIGEST })).toThrow(
      'A signed transaction needs its chain.',
    );
    expect(() => signatures.record({ ...base, kind: 'message', chainId: null, digest: '0x1234' })).toThrow(
      'A signature is recorded by its 32-byte digest.',
    );
  });
});
