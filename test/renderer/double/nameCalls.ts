import type { Channel } from '../../../src/shared/api/contract';
import type { ContactView, LabelView, NameRef } from '../../../src/shared/names';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { DoubleWorld } from './world';
import type { FamilyHandlers } from './handlers';

type NameChannel = 'names.list' | 'labels.set' | 'labels.remove' | 'contacts.set' | 'contacts.remove';

/** Labels and contacts; every change is pushed whole as names.changed, as main does. */
export function nameCalls(double: DoubleWorld): FamilyHandlers<NameChannel> {
  /** Like main: a label is unique per (address, chain); a contract label must name its chain. */
  function setLabel(label: LabelView): LabelView {
    checkName('labels.set', label);
    if (label.kind === 'contract' && label.chainId === null) {
      throw new ApiCallError('labels.set', {
        code: 'invalid_request',
        message: 'A contract exists on one network: choose the network this label is for.',
      });
    }
    const stored = { ...label, name: label.name.trim() };
    double.pushNames({ labels: upsertName(double.names.labels, stored) });
    return stored;
  }

  function setContact(contact: ContactView): ContactView {
    checkName('contacts.set', contact);
    const stored = { ...contact, name: contact.name.trim() };
    double.pushNames({ contacts: upsertName(double.names.contacts, stored) });
    return stored;
  }

  return {
    'names.list': () => double.names,
    'labels.set': setLabel,
    'labels.remove': (ref) => {
      double.pushNames({ labels: withoutName('labels.remove', double.names.labels, ref) });
      return null;
    },
    'contacts.set': setContact,
    'contacts.remove': (ref) => {
      double.pushNames({ contacts: withoutName('contacts.remove', double.names.contacts, ref) });
      return null;
    },
  };
}

/** What main's router refuses before the service sees it, in the same words a user would read. */
function checkName(channel: Channel, name: { address: string; name: string }): void {
  if (!/^0x[0-9a-fA-F]{40}$/.test(name.address)) {
    throw new ApiCallError(channel, {
      code: 'invalid_request',
      message: `"${name.address}" is not an Ethereum address.`,
    });
  }
  if (!name.name.trim()) {
    throw new ApiCallError(channel, { code: 'invalid_request', message: 'A name cannot be empty.' });
  }
}

function sameName(a: NameRef, b: NameRef): boolean {
  return a.address.toLowerCase() === b.address.toLowerCase() && a.chainId === b.chainId;
}

/** Replaces the entry with the same (address, chain), or adds it at the end. */
function upsertName<T extends NameRef>(list: T[], entry: T): T[] {
  return list.some((e) => sameName(e, entry))
    ? list.map((e) => (sameName(e, entry) ? entry : e))
    : [...list, entry];
}

function withoutName<T extends NameRef>(channel: Channel, list: T[], ref: NameRef): T[] {
  const kept = list.filter((entry) => !sameName(entry, ref));
  if (kept.length === list.length) {
    throw new ApiCallError(channel, { code: 'not_found', message: 'No such name.' });
  }
  return kept;
}
