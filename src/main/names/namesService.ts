import type { ContactView, LabelView, NameRef, NamesView } from '../../shared/names';
import type { EventHub } from '../api/events';
import { toChecksumAddress } from '../store/address';
import { type AddressBookRepository, ContactInput } from '../store/addressBookRepository';
import { LabelInput, type LabelsRepository } from '../store/labelsRepository';

export interface NamesServiceOptions {
  labels: LabelsRepository;
  contacts: AddressBookRepository;
  events: EventHub;
  /** A name the user changed here: the sync group should hear of it now rather than at the next interval. */
  onEdited: () => void;
}

/**
 * The user's names for addresses: labels (their own accounts and contracts) and the address book. Every
 * screen that shows an address reads them from `names.changed`, so each write announces the whole view.
 */
export class NamesService {
  constructor(private readonly options: NamesServiceOptions) {}

  view(): NamesView {
    return {
      labels: this.options.labels.list().map(({ address, chainId, kind, name, note }) => ({
        address,
        chainId,
        kind,
        name,
        note,
      })),
      contacts: this.options.contacts
        .list()
        .map(({ address, chainId, name, note }) => ({ address, chainId, name, note })),
    };
  }

  /** Tells every screen the names changed; sync calls this for names another device wrote. */
  announce(): void {
    this.options.events.emit('names.changed', this.view());
  }

  setLabel(input: LabelView): LabelView {
    const { address, chainId, kind, name, note } = this.options.labels.set(LabelInput.parse(input));
    this.edited();
    return { address, chainId, kind, name, note };
  }

  removeLabel({ address, chainId }: NameRef): void {
    this.options.labels.remove(toChecksumAddress(address), chainId);
    this.edited();
  }

  setContact(input: ContactView): ContactView {
    const { address, chainId, name, note } = this.options.contacts.set(ContactInput.parse(input));
    this.edited();
    return { address, chainId, name, note };
  }

  removeContact({ address, chainId }: NameRef): void {
    this.options.contacts.remove(toChecksumAddress(address), chainId);
    this.edited();
  }

  private edited(): void {
    this.announce();
    this.options.onEdited();
  }
}
