import type { ConnectedSite } from '../../src/main/dapps/sites';
import type { Finding } from '../../src/shared/review';
import type { Account } from '../../src/main/store/accountsRepository';
import { ADDRESSES, ledgerAccount } from '../store/fixtures';

/** Three Ledger accounts of the test mnemonic, ids 1 to 3, as the accounts repository returns them. */
export const ACCOUNTS: Account[] = ADDRESSES.map((address, index) => ({
  ...ledgerAccount(index, address),
  id: index + 1,
  createdAt: 0,
  updatedAt: 0,
}));

export const accountLookup = { list: () => ACCOUNTS };

/** A site on chain 1 that was given the first two accounts. */
export const SITE: ConnectedSite = {
  origin: 'https://app.example.org',
  accountIds: [1, 2],
  chainId: 1,
  connectedAt: 0,
  lastUsedAt: 0,
};

/** The third account: in the wallet, not given to the site. */
export const HIDDEN = ACCOUNTS[2] as Account;
export const [FIRST, SECOND] = ACCOUNTS as [Account, Account];

/** Whatever the call throws, for asserting a provider error's code. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

/** The finding a dApp's origin leads a review with, for tests of the paths that carry it. */
export const SITE_ORIGIN_FINDING: Finding = {
  code: 'site-origin',
  severity: 'info',
  overridable: false,
  message: 'Requested by https://app.example.org',
  facts: [],
  fix: null,
};
