import type { namesCalls } from '../../shared/api/calls/names';
import type { FamilyHandlers } from '../api/router';
import type { NamesService } from './namesService';

export function namesHandlers(names: NamesService): FamilyHandlers<typeof namesCalls> {
  return {
    'names.list': () => names.view(),
    'labels.set': (input) => names.setLabel(input),
    'labels.remove': (ref) => (names.removeLabel(ref), null),
    'contacts.set': (input) => names.setContact(input),
    'contacts.remove': (ref) => (names.removeContact(ref), null),
  };
}
