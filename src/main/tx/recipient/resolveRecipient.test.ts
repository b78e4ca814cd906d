import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { resolveRecipient } from './resolveRecipient';

const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const BOB = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const book = [{ name: 'Alice', address: ALICE }];
const labels = [{ name: 'Cold storage', address: BOB }];

describe('resolveRecipient', () => {
  it('accepts a checksummed address, and checksums an all-lowercase one', () => {
    expect(resolveRecipient(ALICE, book, labels)).toEqual({ address: ALICE, resolvedFrom: 'address' });
    expect(resolveRecipient(` ${ALICE.toLowerCase()} `, [], [])).toEqual({
      address: ALICE,
      resolvedFrom: 'address',
    });
  });

  it('refuses a mixed-case address whose checksum does not match', () => {
    const typo = ALICE.replace('C51812dc', 'c51812dc');
    expect(() => resolveRecipient(typo, book, labels)).toThrow(
      expect.objectContaining({ code: 'invalid-address', message: expect.stringMatching(/checksum error/) }),
    );
  });

  it('refuses 0x text that is not 40 hex characters', () => {
    expect(() => resolveRecipient(ALICE.slice(0, -1), [], [])).toThrow(
      expect.objectContaining({
        code: 'invalid-address',
        message: expect.stringMatching(/is not an address/),
      }),
    );
  });

  it('resolves an exact address-book name or label', () => {
    expect(resolveRecipient('Alice', book, labels)).toEqual({ address: ALICE, resolvedFrom: 'address-book' });
    expect(resolveRecipient('Cold storage', book, labels)).toEqual({ address: BOB, resolvedFrom: 'label' });
  });

  it('does not guess at a name that is only close', () => {
    for (const near of ['alice', 'Alic', 'Alice 2']) {
      expect(() => resolveRecipient(near, book, labels)).toThrow(
        expect.objectContaining({ code: 'unknown-name' }),
      );
    }
  });

  it('refuses a name shared by different addresses, but not one repeated for the same address', () => {
    const clash = [{ name: 'Alice', address: BOB }];
    expect(() => resolveRecipient('Alice', book, clash)).toThrow(
      expect.objectContaining({
        code: 'ambiguous-name',
        message: expect.stringMatching(/2 different addresses/),
      }),
    );
    expect(resolveRecipient('Alice', book, [{ name: 'Alice', address: ALICE }]).address).toBe(ALICE);
  });
});
