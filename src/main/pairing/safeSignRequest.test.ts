import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { safeRequest } from '../../../test/companion/safeRequestFixture';
import { checkPhoneSafeSignature, type SafeSignFields, safeSignRequest } from './safeSignRequest';

const { t, id, desktop, desktopChainId, createdAt, expiresAt, ...fields } = safeRequest();
const phone = Wallet.createRandom();
const signHash = (wallet: Wallet | ReturnType<typeof Wallet.createRandom>, hash: string) => {
  const { r, s, yParity } = wallet.signingKey.sign(hash);
  return { r, s, yParity };
};

describe('safeSignRequest', () => {
  it('builds the safeSign the phone receives, but for its times', () => {
    const message = safeSignRequest({ id, desktop, desktopChainId, fields });
    expect(message).toEqual({ t, id, desktop, desktopChainId, ...fields });
    expect(createdAt < expiresAt).toBe(true);
  });

  it('refuses to send a hash that is not the hash of the transaction', () => {
    const tampered: SafeSignFields = { ...fields, safeTx: { ...fields.safeTx, value: '1' } };
    expect(() => safeSignRequest({ id, desktop, desktopChainId, fields: tampered })).toThrow(
      /hash does not match the transaction/,
    );
  });
});

describe('checkPhoneSafeSignature', () => {
  const named = { name: 'Pixel', address: phone.address };

  it('accepts the phone’s own signature of the hash', () => {
    const parts = signHash(phone, fields.safeTxHash);
    expect(checkPhoneSafeSignature(fields.safeTxHash, parts, named)).toEqual(parts);
  });

  it('refuses a signature by another key, of another hash, or not well formed, in words', () => {
    const other = Wallet.createRandom();
    expect(() =>
      checkPhoneSafeSignature(fields.safeTxHash, signHash(other, fields.safeTxHash), named),
    ).toThrow(
      `Pixel signed with ${other.address}, not with its paired account ${phone.address}. Nothing was recorded.`,
    );
    const elsewhere = signHash(phone, `0x${'11'.repeat(32)}`);
    expect(() => checkPhoneSafeSignature(fields.safeTxHash, elsewhere, named)).toThrow(/not with its paired/);
    const broken = { r: `0x${'00'.repeat(32)}`, s: `0x${'00'.repeat(32)}`, yParity: 0 as const };
    expect(() => checkPhoneSafeSignature(fields.safeTxHash, broken, named)).toThrow(
      expect.objectContaining({
        code: 'signature_mismatch',
        message: expect.stringMatching(/not well formed/),
      }),
    );
  });
});
