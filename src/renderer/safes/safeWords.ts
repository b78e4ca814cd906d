import type { AccountView } from '../../shared/accounts';
import type { SafeConfirmationView, SafeOwnerView, SafeTxView, SafeView } from '../../shared/safes';
import { shortAddress } from '../../shared/format/shortAddress';
import { plural } from '../format/plural';

/** "2 of 3 signatures": how many owners must sign, of how many there are. */
export function thresholdWords(threshold: number, owners: number): string {
  return `${threshold} of ${plural(owners, 'signature', 'signatures')}`;
}

/** As long as main takes a Safe's name (CreateSafe, AddSafe). */
export const MAX_SAFE_NAME = 40;

/** The threshold the user typed, held between 1 and the owners there will be, so it never asks the impossible. */
export function boundedThreshold(typed: number, owners: number): number {
  return Math.min(Math.max(1, Math.trunc(typed) || 1), Math.max(1, owners));
}

/** "1 of 2 signatures": how far a Safe transaction is from being executable. */
export function progressWords(tx: Pick<SafeTxView, 'confirmations' | 'threshold'>): string {
  return `${tx.confirmations.length} of ${plural(tx.threshold, 'signature', 'signatures')}`;
}

/** How an owner is named: its account's label when it is one of the wallet's, else its short address. */
export function ownerName(owner: SafeOwnerView): string {
  return owner.account?.label || shortAddress(owner.address);
}

/**
 * "Signed by Ledger main on Cold storage", and "blind" when the device showed only the hash. The device is
 * named as the Devices and Pairing pages name it where this desktop knows it, else as it was recorded.
 */
export function confirmationWords(
  confirmation: SafeConfirmationView,
  owners: readonly SafeOwnerView[],
  deviceOf: (fingerprint: string | null) => string | null,
): string {
  const owner = owners.find((o) => sameAddress(o.address, confirmation.owner));
  const name = owner ? ownerName(owner) : shortAddress(confirmation.owner);
  const device = deviceOf(confirmation.signer.fingerprint) ?? confirmation.signer.label;
  const words = `Signed by ${name} on ${device}`;
  return confirmation.mode === 'hashed' ? `${words}, blind` : words;
}

/** The wallet's own accounts that own the Safe and have not signed this transaction yet. */
export function unsignedOwnerAccounts(
  tx: Pick<SafeTxView, 'confirmations'>,
  safe: Pick<SafeView, 'owners'>,
  accounts: readonly AccountView[],
): AccountView[] {
  return accounts.filter(
    (account) =>
      account.signer !== 'watch' &&
      safe.owners.some((o) => sameAddress(o.address, account.address)) &&
      !tx.confirmations.some((c) => sameAddress(c.owner, account.address)),
  );
}

/** Whether a Safe transaction can still be signed, executed or discarded. */
export function isOpen(tx: Pick<SafeTxView, 'status'>): boolean {
  return tx.status === 'collecting' || tx.status === 'ready';
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
