import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { resolveRecipient } from './resolveRecipient';

const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const BOB = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const SAVINGS = toChecksumAddress('0x90F79bf6EB2c4f870365E785982E1f101E93b906');
const names = {
  accounts: [{ label: 'Savings', address: SAVINGS }],
  addressBook: [{ name: 'Alice', address: ALICE }],
  labels: [{ name: 'Cold storage', address: BOB }],
};
const none = { accounts: [], addressBook: [], labels: [] };

describe('resolveRecipient', () => {
  it('accepts a checksummed address, and checksums an all-lowercase one', () => {
    expect(resolveRecipient(ALICE, names)).toEqual({ address: ALICE, resolvedFrom: 'address' });
    expect(resolveRecipient(` ${ALICE.toLowerCase()} `, none)).toEqual({
      address: ALICE,
      resolvedFrom: 'address',
    });
  });

  it('refuses a mixed-case address whose checksum does not match', () => {
    const typo = ALICE.replace('C51812dc', 'c51812dc');
    expect(() => resolveRecipient(typo, names)).toThrow(
      expect.objectContaining({ code: 'invalid-address', message: expect.stringMatching(/checksum error/) }),
    );
  });

  it('refuses 0x text that is not 40 hex characters', () => {
    expect(() => resolveRecipient(ALICE.slice(0, -1), none)).toThrow(
      expect.objectContaining({
        code: 'invalid-address',
        message: expect.stringMatching(/is not an address/),
      }),
    );
  });

  it('resolves an exact account name, address-book name or label, saying which', () => {
    expect(resolveRecipient('Savings', names)).toEqual({ address: SAVINGS, resolvedFrom: 'account' });
    expect(resolveRecipient('Alice', names)).toEqual({ address: ALICE, resolvedFrom: 'address-book' });
    expect(resolveRecipient(' Cold storage ', names)).toEqual({ address: BOB, resolvedFrom: 'label' });
  });

  it('does not guess at a name that is only close, and says where it looked', () => {
    for (const near of ['alice', 'Alic', 'Alice 2', 'savings']) {
      expect(() => resolveRecipient(near, names)).toThrow(
        expect.objectContaining({
          code: 'unknown-name',
          message: expect.stringMatching(/None of your accounts, address-book entries or labels/),
        }),
      );
    }
  });

  it('does not match an unnamed account to empty input', () => {
    const unnamed = { ...none, accounts: [{ label: '', address: SAVINGS }] };
    expect(() => resolveRecipient('  ', unnamed)).toThrow(expect.objectContaining({ code: 'unknown-name' }));
  });

  it('refuses a name shared by different addresses, listing each with where it comes from', () => {
    const clash = { ...names, accounts: [{ label: 'Alice', address: SAVINGS }] };
    expect(() => resolveRecipient('Alice', clash)).toThrow(
      expect.objectContaining({
        code: 'ambiguous-name',
        message:
          '"Alice" names 2 different addresses: 0x90F7…b906 (your account); 0x7099…79C8 (your address book). ' +
          'Paste the address you mean.',
      }),
    );
  });

  it('accepts a name repeated across sources when every one means the same address', () => {
    const same = {
      accounts: [{ label: 'Alice', address: ALICE }],
      addressBook: [{ name: 'Alice', address: ALICE }],
      labels: [{ name: 'Alice', address: ALICE }],
    };
    expect(resolveRecipient('Alice', same)).toEqual({ address: ALICE, resolvedFrom: 'account' });
  });
});
