import type { CoreBase } from '../coreBase';
import { namesHandlers } from './namesHandlers';
import { NamesService } from './namesService';

/** The user's labels and address book; `onEdited` tells sync a name changed here. */
export function createNamesModule(base: CoreBase, onEdited: () => void) {
  const { labels, addressBook: contacts } = base.repositories;
  const names = new NamesService({ labels, contacts, events: base.events, onEdited });
  return { names, handlers: namesHandlers(names) };
}
