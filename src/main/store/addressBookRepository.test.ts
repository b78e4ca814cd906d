import { describe, expect, it } from 'vitest';
import { ALICE, BOB } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { AddressBookRepository, ContactInput } from './addressBookRepository';

describe('AddressBookRepository', () => {
  const temp = useTempDatabase();

  it('offers a send on a chain the contacts usable there', () => {
    const book = new AddressBookRepository(temp.db);
    book.set({ address: ALICE, chainId: null, name: 'Alice', note: '' });
    book.set({ address: BOB, chainId: 8453, name: 'Bob (Base safe)', note: 'multisig' });
    const reopened = new AddressBookRepository(temp.reopen());
    expect(reopened.usableOn(1).map((c) => c.name)).toEqual(['Alice']);
    expect(reopened.usableOn(8453).map((c) => c.name)).toEqual(['Alice', 'Bob (Base safe)']);
  });

  it('updates an entry in place instead of duplicating it', () => {
    const book = new AddressBookRepository(temp.db);
    book.set({ address: ALICE, chainId: null, name: 'Alice', note: '' }, 1);
    book.set({ address: ALICE, chainId: null, name: 'Alice L.', note: '' }, 2);
    expect(book.list()).toEqual([
      { address: ALICE, chainId: null, name: 'Alice L.', note: '', createdAt: 1, updatedAt: 2 },
    ]);
    book.remove(ALICE, null);
    expect(() => book.remove(ALICE, null)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('parses untrusted input to a checksummed address and a trimmed name', () => {
    const parsed = ContactInput.parse({
      address: ALICE.toLowerCase(),
      chainId: null,
      name: '  Alice ',
      note: '',
    });
    expect(parsed).toEqual({ address: ALICE, chainId: null, name: 'Alice', note: '' });
    expect(ContactInput.safeParse({ ...parsed, chainId: -1 }).success).toBe(false);
  });

  it('merges the newer entry and reports no change the second time', () => {
    const book = new AddressBookRepository(temp.db);
    const entry = { address: BOB, chainId: 10, name: 'Bob', note: '', createdAt: 5, updatedAt: 5 };
    expect(book.merge(entry)).toBe(true);
    expect(book.merge(entry)).toBe(false);
    expect(book.merge({ ...entry, name: 'Robert', updatedAt: 6 })).toBe(true);
    expect(book.list()).toEqual([{ ...entry, name: 'Robert', updatedAt: 6 }]);
  });
});
