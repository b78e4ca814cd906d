import type { accountsCalls } from '../../shared/api/calls/accounts';
import type { FamilyHandlers } from '../api/router';
import type { AccountsService } from './accountsService';

export function accountsHandlers(accounts: AccountsService): FamilyHandlers<typeof accountsCalls> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.addWatch': (request) => accounts.addWatch(request),
    'accounts.rename': (request) => accounts.rename(request),
    'accounts.remove': ({ accountId }) => (accounts.remove(accountId), null),
  };
}
