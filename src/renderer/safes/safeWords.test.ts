import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/accounts';
import type { SafeConfirmationView, SafeOwnerView } from '../../shared/safes';
import {
  boundedThreshold,
  confirmationWords,
  progressWords,
  thresholdWords,
  unsignedOwnerAccounts,
} from './safeWords';

const LEDGER = '0xa000f00dbabe000000000000000000000000A000';
const PHONE = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const STRANGER = '0x1111111111111111111111111111111111111111';

function account(id: number, address: string, signer: AccountView['signer'], label: string): AccountView {
  const base = { derivationScheme: null, derivationPath: null, createdAt: 0, updatedAt: 0 };
  return { ...base, id, address, signer, label, deviceFingerprint: signer === 'watch' ? null : `fp-${id}` };
}

const owners: SafeOwnerView[] = [
  { address: LEDGER, account: { id: 1, label: 'Ledger main', signer: 'ledger', deviceFingerprint: 'fp-1' } },
  { address: PHONE, account: { id: 2, label: '', signer: 'phone', deviceFingerprint: 'fp-2' } },
  { address: STRANGER, account: null },
];

function confirmation(owner: string, mode: SafeConfirmationView['mode']): SafeConfirmationView {
  return { owner, signer: { kind: 'ledger', label: 'Cold storage', fingerprint: 'fp-1' }, mode, signedAt: 0 };
}

describe('Safe words', () => {
  it('counts signatures in plain words', () => {
    expect(thresholdWords(2, 3)).toBe('2 of 3 signatures');
    expect(thresholdWords(1, 1)).toBe('1 of 1 signature');
    expect(progressWords({ confirmations: [confirmation(LEDGER, 'clear')], threshold: 2 })).toBe(
      '1 of 2 signatures',
    );
  });

  it('holds a threshold between one and the owners there will be', () => {
    expect(boundedThreshold(5, 2)).toBe(2);
    expect(boundedThreshold(0, 2)).toBe(1);
    expect(boundedThreshold(Number.NaN, 3)).toBe(1);
    expect(boundedThreshold(2.7, 3)).toBe(2);
    expect(boundedThreshold(1, 0)).toBe(1);
  });

  it('names who signed, on which device, matching owners whatever the case of the address', () => {
    const unknown = () => null;
    expect(confirmationWords(confirmation(LEDGER.toLowerCase(), 'clear'), owners, unknown)).toBe(
      'Signed by Ledger main on Cold storage',
    );
    expect(confirmationWords(confirmation(PHONE, 'hashed'), owners, unknown)).toBe(
      'Signed by 0x8ba1…BA72 on Cold storage, blind',
    );
    // A device this desktop knows is named as the Devices page names it, not as it was recorded.
    const known = (fingerprint: string | null) => (fingerprint ? 'Ledger Nano X' : null);
    expect(confirmationWords(confirmation(LEDGER, 'clear'), owners, known)).toBe(
      'Signed by Ledger main on Ledger Nano X',
    );
  });

  it('offers only the wallet’s own signing owners that have not signed', () => {
    const accounts = [
      account(1, LEDGER, 'ledger', 'Ledger main'),
      account(2, PHONE, 'phone', 'Phone key'),
      account(3, STRANGER, 'watch', 'Watched stranger'),
      account(4, '0x3333333333333333333333333333333333333333', 'trezor', 'Not an owner'),
    ];
    const signed = { confirmations: [confirmation(LEDGER.toLowerCase(), 'clear')] };
    expect(unsignedOwnerAccounts(signed, { owners }, accounts).map((a) => a.label)).toEqual(['Phone key']);
  });
});
