import { toChecksumAddress } from './address';
import type { Repositories } from './repositories';

/**
 * The names a user gave addresses (their accounts, labels, the address book), for the timeline's words and
 * its search. Read once per page: the lists are small next to the timeline.
 */
export class AddressNames {
  private readonly names = new Map<string, string>();

  constructor(repositories: Pick<Repositories, 'accounts' | 'labels' | 'addressBook'>) {
    // Later sources win: an account's own label over a contact's name over a general label.
    for (const label of repositories.labels.list()) this.names.set(label.address, label.name);
    for (const contact of repositories.addressBook.list()) this.names.set(contact.address, contact.name);
    for (const account of repositories.accounts.list()) {
      if (account.label) this.names.set(account.address, account.label);
    }
  }

  label(address: string): string | null {
    return this.names.get(address) ?? null;
  }

  /** Addresses whose name contains the text, or the address itself when the text is one. */
  matching(text: string): string[] {
    const needle = text.trim().toLowerCase();
    if (/^0x[0-9a-f]{40}$/.test(needle)) return [toChecksumAddress(needle)];
    return [...this.names]
      .filter(([, name]) => name.toLowerCase().includes(needle))
      .map(([address]) => address);
  }
}
