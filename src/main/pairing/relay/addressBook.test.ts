import { describe, expect, it } from 'vitest';
import { AddressBook } from './addressBook';

describe('AddressBook', () => {
  it('has room for a set number of sockets per address', () => {
    const book = new AddressBook(2, 100);
    book.arrive('a');
    expect(book.hasRoom('a')).toBe(true);
    book.arrive('a');
    expect([book.hasRoom('a'), book.hasRoom('b')]).toEqual([false, true]);
    book.leave('a');
    expect(book.hasRoom('a')).toBe(true);
  });

  it('keeps an address’s queue account while it has bytes queued, even with no socket open', () => {
    const book = new AddressBook(2, 100);
    book.arrive('a');
    const account = book.queue('a');
    account.bytes = 40;
    book.leave('a');
    book.sweep();
    expect(book.queue('a')).toBe(account);
    expect(account.limit).toBe(100);
    account.bytes = 0;
    book.sweep();
    expect(book.size).toBe(0);
  });
});
