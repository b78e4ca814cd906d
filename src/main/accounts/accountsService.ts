import type { z } from 'zod';
import { defaultAccountName, nameTakenSentence, sameName } from '../../shared/accountNames';
import type { AccountView, AddWatchAccount, RenameAccount } from '../../shared/accounts';
import { ApiError } from '../../shared/api/envelope';
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

  /** Named like every other account: a name is how the To field and the pickers find it. */
  addWatch({ address, label }: z.output<typeof AddWatchAccount>): AccountView {
    const taken = this.list().map((account) => account.label);
    if (label !== '' && taken.some((existing) => sameName(existing, label))) {
      throw new ApiError('conflict', nameTakenSentence(label));
    }
    const account = this.options.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: toChecksumAddress(address),
      label: label === '' ? defaultAccountName('Watch', taken) : label,
    });
    this.changed();
    return account;
  }

  /** Two accounts with one name could not be told apart in a picker, so a name another account has is refused. */
  rename({ accountId, label }: z.output<typeof RenameAccount>): AccountView {
    const others = this.list().filter((account) => account.id !== accountId);
    if (others.some((account) => sameName(account.label, label))) {
      throw new ApiError('conflict', nameTakenSentence(label));
    }
    const account = this.options.accounts.rename(accountId, label);
    this.options.events.emit('accounts.changed', this.list());
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
