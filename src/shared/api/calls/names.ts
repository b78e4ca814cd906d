import { z } from 'zod';
import { ContactView, LabelView, NameRef, NamesView } from '../../names';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** The user's names for addresses: labels on their own and others', and the address book. */
export const namesCalls = {
  'names.list': { request: NoRequest, response: NamesView },
  'labels.set': { request: LabelView, response: LabelView },
  'labels.remove': { request: NameRef, response: z.null() },
  'contacts.set': { request: ContactView, response: ContactView },
  'contacts.remove': { request: NameRef, response: z.null() },
} as const satisfies CallFamily;

export const namesEvents = {
  /** Labels or contacts changed, here or on another device of the sync group. */
  'names.changed': NamesView,
} as const satisfies EventFamily;
