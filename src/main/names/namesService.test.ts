import { describe, expect, it, vi } from 'vitest';
import { ALICE, BOB } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createEventHub } from '../api/events';
import { AddressBookRepository } from '../store/addressBookRepository';
import { LabelsRepository } from '../store/labelsRepository';
import { NamesService } from './namesService';

describe('NamesService', () => {
  const temp = useTempDatabase('names-');

  function names() {
    const events = createEventHub();
    const announced: unknown[] = [];
    events.subscribe((name, payload) => name === 'names.changed' && announced.push(payload));
    const onEdited = vi.fn();
    const labels = new LabelsRepository(temp.db);
    const contacts = new AddressBookRepository(temp.db);
    return { service: new NamesService({ labels, contacts, events, onEdited }), announced, onEdited };
  }

  it('stores a label and a contact, announces the whole view after each, and asks sync to run', () => {
    const { service, announced, onEdited } = names();
    expect(
      service.setLabel({ address: ALICE, chainId: null, kind: 'eoa', name: 'Savings', note: '' }),
    ).toEqual({ address: ALICE, chainId: null, kind: 'eoa', name: 'Savings', note: '' });
    service.setContact({ address: BOB.toLowerCase(), chainId: 10, name: 'Bob', note: 'landlord' });
    expect(service.view()).toEqual({
      labels: [{ address: ALICE, chainId: null, kind: 'eoa', name: 'Savings', note: '' }],
      contacts: [{ address: BOB, chainId: 10, name: 'Bob', note: 'landlord' }],
    });
    expect(announced).toEqual([
      { labels: [expect.objectContaining({ name: 'Savings' })], contacts: [] },
      service.view(),
    ]);
    expect(onEdited).toHaveBeenCalledTimes(2);
  });

  it('removes by address in any case and scope, and announces the rest', () => {
    const { service, announced } = names();
    service.setContact({ address: BOB, chainId: 10, name: 'Bob', note: '' });
    service.removeContact({ address: BOB.toLowerCase(), chainId: 10 });
    service.setLabel({ address: ALICE, chainId: 1, kind: 'eoa', name: 'Main', note: '' });
    service.removeLabel({ address: ALICE, chainId: 1 });
    expect(service.view()).toEqual({ labels: [], contacts: [] });
    expect(announced.at(-1)).toEqual({ labels: [], contacts: [] });
  });

  it('refuses a name the store cannot hold, and changes and announces nothing', () => {
    const { service, announced, onEdited } = names();
    expect(() =>
      service.setLabel({ address: 'not an address', chainId: null, kind: 'eoa', name: 'X', note: '' }),
    ).toThrow();
    expect(service.view()).toEqual({ labels: [], contacts: [] });
    expect(announced).toEqual([]);
    expect(onEdited).not.toHaveBeenCalled();
  });

  it('announces names another device wrote without asking sync to run again', () => {
    const { service, announced, onEdited } = names();
    service.announce();
    expect(announced).toEqual([{ labels: [], contacts: [] }]);
    expect(onEdited).not.toHaveBeenCalled();
  });
});
