import { z } from 'zod';
import type { SiteAccount } from '../../shared/dapps';
import type { Account } from '../store/accountsRepository';
import { invalidParams, unauthorized } from './providerError';
import type { ConnectedSite } from './sites';

/** The wallet's accounts, as the signing requests look them up. */
export type AccountLookup = { list(): Account[] };

export const HexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an address');
/** A JSON-RPC quantity; leading zeros are tolerated, as many sites send them. */
export const HexQuantity = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, 'a hex quantity')
  .transform((hex) => BigInt(hex));
/** Call data, bounded by what a send takes (24 KiB, the contract size limit). */
export const HexData = z
  .string()
  .regex(/^0x(?:[0-9a-fA-F]{2}){0,24576}$/, 'hex data of at most 24 KiB')
  .transform((hex) => hex.toLowerCase());

/** Parses or answers -32602 with the first problem in words the site's developer can act on. */
export function parseParams<T extends z.ZodType>(schema: T, params: unknown, method: string): z.output<T> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw invalidParams(`Invalid ${method} params${where}: ${issue?.message ?? 'malformed'}.`);
}

/**
 * The account behind `address`, which must be one the site was given: a site may only ask for signatures of
 * accounts the user exposed to it (4100 otherwise, even for the wallet's other accounts).
 */
export function exposedAccount(address: string, site: ConnectedSite, accounts: AccountLookup): Account {
  const lower = address.toLowerCase();
  const account = accounts
    .list()
    .find((candidate) => candidate.address.toLowerCase() === lower && site.accountIds.includes(candidate.id));
  if (!account) throw unauthorized('That account is not connected to this site.');
  return account;
}

/** The first account the site was given, for requests that may leave `from` out. */
export function firstExposedAccount(site: ConnectedSite, accounts: AccountLookup): Account {
  const all = accounts.list();
  for (const id of site.accountIds) {
    const account = all.find((candidate) => candidate.id === id);
    if (account) return account;
  }
  throw unauthorized();
}

export function siteAccount(account: Account): SiteAccount {
  return { accountId: account.id, address: account.address, label: account.label };
}
