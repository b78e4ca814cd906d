import type { z } from 'zod';
import type { AccountView, AddWatchAccount } from '../../shared/accounts';
import type { EventHub } from '../api/events';
import type { AccountsRepository } from '../store/accountsRepository';
import { toChecksumAddress } from '../store/address';

export interface AccountsServiceOptions {
  accounts: AccountsRepository;
  events: EventHub;
  /** Called after an account is added or removed, e.g. to read its balances. */
  onAccountsChanged: () => void;
}

/**
 * Accounts the user adds or removes by hand. Device and phone accounts are added by the signers and pairing
 * services, which know their derivation; a watch-only account is just an address the wallet cannot sign for.
 */
export class AccountsService {
  constructor(private readonly options: AccountsServiceOptions) {}

  list(): AccountView[] {
    return this.options.accounts.list();
  }

  addWatch({ address, label }: z.output<typeof AddWatchAccount>): AccountView {
    const account = this.options.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: toChecksumAddress(address),
      label,
    });
    this.changed();
    return account;
  }

  remove(accountId: number): void {
    this.options.accounts.remove(accountId);
    this.changed();
  }

  private changed(): void {
    this.options.events.emit('accounts.changed', this.list());
    this.options.onAccountsChanged();
  }
}
