import { z } from 'zod';
import { AccountView, AddWatchAccount, RenameAccount } from '../../accounts';
import { AccountRef } from '../../devices';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

export const accountsCalls = {
  'accounts.list': { request: NoRequest, response: z.array(AccountView) },
  'accounts.addWatch': { request: AddWatchAccount, response: AccountView },
  'accounts.remove': { request: AccountRef, response: z.null() },
  /** Names must differ between accounts, as a person reads them (see `sameName`). */
  'accounts.rename': { request: RenameAccount, response: AccountView },
} as const satisfies CallFamily;

export const accountsEvents = {
  'accounts.changed': z.array(AccountView),
} as const satisfies EventFamily;
