import { z } from 'zod';
import { AccountName, NewAccountName } from './accountNames';
import { Address } from './chains/chain';

export const SignerKind = z.enum(['ledger', 'trezor', 'phone', 'watch']);
export type SignerKind = z.infer<typeof SignerKind>;

/** An account as the renderer sees it: where it signs, never any key material. */
export const AccountView = z.strictObject({
  id: z.number().int().positive(),
  signer: SignerKind,
  deviceFingerprint: z.string().nullable(),
  derivationScheme: z.string().nullable(),
  derivationPath: z.string().nullable(),
  address: Address,
  label: z.string(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AddWatchAccount = z.strictObject({
  address: z.string().trim().min(1).max(100),
  /** Empty asks for a default name ("Watch 1"), as device accounts get one. */
  label: NewAccountName,
});

export const RenameAccount = z.strictObject({ accountId: z.number().int().positive(), label: AccountName });
export type RenameAccount = z.input<typeof RenameAccount>;
