import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { TxNotesRepository } from './txNotesRepository';

const RENT = `0x${'ab'.repeat(32)}`;
const BRIDGE = `0x${'01'.repeat(32)}`;

describe('TxNotesRepository', () => {
  const temp = useTempDatabase('tx-notes-');

  it('keeps one note per chain and hash, trimmed, and updates it in place', () => {
    const notes = new TxNotesRepository(temp.db);
    expect(notes.set({ chainId: 1, hash: RENT, note: '  Rent for March \n' }, 1000)).toEqual({
      chainId: 1,
      hash: RENT,
      note: 'Rent for March',
      updatedAt: 1000,
    });
    // The same hash on another chain is another transaction.
    notes.set({ chainId: 8453, hash: RENT, note: 'Not the rent' }, 1000);
    notes.set({ chainId: 1, hash: RENT, note: 'Rent for March and April' }, 2000);
    const reopened = new TxNotesRepository(temp.reopen());
    expect(reopened.list()).toEqual([
      { chainId: 1, hash: RENT, note: 'Rent for March and April', updatedAt: 2000 },
      { chainId: 8453, hash: RENT, note: 'Not the rent', updatedAt: 1000 },
    ]);
    expect(reopened.get(1, RENT)?.note).toBe('Rent for March and April');
    expect(reopened.get(10, RENT)).toBeNull();
  });

  it('removes a note when it is set empty or blank, and removing twice is harmless', () => {
    const notes = new TxNotesRepository(temp.db);
    notes.set({ chainId: 1, hash: RENT, note: 'Rent' });
    notes.set({ chainId: 1, hash: BRIDGE, note: 'Bridge to Base for the airdrop' });
    expect(notes.set({ chainId: 1, hash: RENT, note: ' \n\t ' })).toBeNull();
    expect(notes.get(1, RENT)).toBeNull();
    expect(notes.set({ chainId: 1, hash: RENT, note: '' })).toBeNull();
    expect(notes.remove(1, BRIDGE)).toBe(true);
    expect(notes.remove(1, BRIDGE)).toBe(false);
    expect(notes.list()).toEqual([]);
  });

  it.each([
    ['a chain id of 0', { chainId: 0, hash: RENT, note: 'x' }, /chain id must be a positive integer/],
    [
      'an upper-case hash',
      { chainId: 1, hash: RENT.toUpperCase().replace('0X', '0x'), note: 'x' },
      /lowercase/,
    ],
    ['a short hash', { chainId: 1, hash: '0xabc', note: 'x' }, /64 lowercase hexadecimal/],
    ['a note over 1,000 characters', { chainId: 1, hash: RENT, note: 'x'.repeat(1001) }, /at most 1,000/],
    ['a NUL character', { chainId: 1, hash: RENT, note: 'a\u0000b' }, /NUL/],
  ])('refuses %s with a StoreError and stores nothing', (_, input, message) => {
    const notes = new TxNotesRepository(temp.db);
    expect(() => notes.set(input)).toThrow(
      expect.objectContaining({
        name: 'StoreError',
        code: 'invalid_request',
        message: expect.stringMatching(message),
      }),
    );
    expect(notes.list()).toEqual([]);
  });

  it('takes exactly 1,000 characters', () => {
    const notes = new TxNotesRepository(temp.db);
    expect(notes.set({ chainId: 1, hash: RENT, note: 'é'.repeat(1000) })?.note).toHaveLength(1000);
  });

  it('lets the schema refuse a row that bypasses the typed API, in words', () => {
    const insert = temp.db.prepare(
      'INSERT INTO tx_notes (chain_id, hash, note, updated_at) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run(1, RENT, '', 1)).toThrow(/tx_note_text/);
    expect(() => insert.run(1, RENT.toUpperCase(), 'x', 1)).toThrow(/tx_note_hash/);
    expect(() => insert.run(0, RENT, 'x', 1)).toThrow(/tx_note_chain/);
  });

  it('merges the newer note and reports no change the second time', () => {
    const notes = new TxNotesRepository(temp.db);
    notes.set({ chainId: 1, hash: RENT, note: 'Mine' }, 1000);
    expect(notes.merge({ chainId: 1, hash: RENT, note: 'Stale', updatedAt: 999 })).toBe(false);
    expect(notes.merge({ chainId: 1, hash: RENT, note: 'Theirs', updatedAt: 3000 })).toBe(true);
    expect(notes.merge({ chainId: 1, hash: RENT, note: 'Theirs', updatedAt: 3000 })).toBe(false);
    expect(notes.merge({ chainId: 10, hash: BRIDGE, note: 'New', updatedAt: 5 })).toBe(true);
    expect(notes.list().map((n) => [n.chainId, n.note])).toEqual([
      [1, 'Theirs'],
      [10, 'New'],
    ]);
    expect(() => notes.merge({ chainId: 1, hash: BRIDGE, note: '   ', updatedAt: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });

  it('is not tied to the indexed history: no foreign key, and clearing history leaves notes', () => {
    const notes = new TxNotesRepository(temp.db);
    notes.set({ chainId: 1, hash: RENT, note: 'Rent' }, 1);
    expect(temp.db.prepare('PRAGMA foreign_key_list(tx_notes)').all()).toEqual([]);
    temp.db.exec('DELETE FROM history_transactions');
    expect(notes.get(1, RENT)?.note).toBe('Rent');
  });
});
