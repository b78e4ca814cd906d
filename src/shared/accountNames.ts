import { z } from 'zod';

/** Long enough for "Savings on the Nano X", short enough for a picker row. */
export const MAX_ACCOUNT_NAME = 40;

const TOO_LONG = `A name is at most ${MAX_ACCOUNT_NAME} characters.`;

function fitsBound(name: string): boolean {
  return name.length <= MAX_ACCOUNT_NAME;
}

/**
 * A name the user gives an account. Refinements, not `.min`/`.max`, so the router passes these sentences on
 * as the wallet's own words (see `schemaSentence`).
 */
export const AccountName = z
  .string()
  .trim()
  .refine((name) => name.length > 0, 'A name needs at least one letter or digit.')
  .refine(fitsBound, TOO_LONG);

/** A name given while adding an account, where none ('') asks the wallet for a default one. */
export const NewAccountName = z.string().trim().refine(fitsBound, TOO_LONG).default('');

/** Names are told apart as a person reads them: "ledger 1" and "Ledger 1" are the same name. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The sentence that refuses a name another account already has. */
export function nameTakenSentence(name: string): string {
  return `Another account is already named “${name}”. Pick a different name.`;
}

/**
 * Names for `count` new accounts of one kind ("Ledger 1", "Ledger 2"): the lowest numbers whose names no
 * existing account has, so a default never collides with a name the user chose.
 */
export function defaultAccountNames(kind: string, count: number, taken: readonly string[]): string[] {
  const names: string[] = [];
  for (let number = 1; names.length < count; number++) {
    const name = `${kind} ${number}`;
    if (!taken.some((existing) => sameName(existing, name))) names.push(name);
  }
  return names;
}

/** The one default name for a single new account of one kind, e.g. a watched address ("Watch 1"). */
export function defaultAccountName(kind: string, taken: readonly string[]): string {
  const [name] = defaultAccountNames(kind, 1, taken);
  return name ?? kind;
}
