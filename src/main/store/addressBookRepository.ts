import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import { ChecksumAddress } from './address';
import { StoreError, storeWrite } from './storeError';

/** Someone the user sends to: what the send screen offers, and what it warns about when it is missing. */
export const ContactInput = z.strictObject({
  address: ChecksumAddress,
  /** `null`: the contact uses this address on every chain; otherwise only on this one. */
  chainId: ChainId.nullable(),
  name: z.string().trim().min(1).max(100),
  note: z.string().max(1000),
});
export type ContactInput = z.output<typeof ContactInput>;

export interface Contact extends ContactInput {
  createdAt: number;
  updatedAt: number;
}

type ContactRow = [ChecksumAddress, number | null, string, string, number, number];

const COLUMNS = `address, chain_id AS chainId, name, note, created_at AS createdAt, updated_at AS updatedAt`;
const INSERT = `INSERT INTO address_book (address, chain_id, name, note, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (address, ifnull(chain_id, 0)) DO UPDATE SET
  name = excluded.name, note = excluded.note, updated_at = excluded.updated_at`;

export class AddressBookRepository {
  private readonly selectAll;
  private readonly selectUsable;
  private readonly upsert;
  private readonly deleteOne;
  private readonly mergeOne;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], Contact>(`SELECT ${COLUMNS} FROM address_book ORDER BY name, address`);
    this.selectUsable = db.prepare<[number], Contact>(
      `SELECT ${COLUMNS} FROM address_book WHERE chain_id IS NULL OR chain_id = ? ORDER BY name, address`,
    );
    this.upsert = db.prepare<ContactRow, Contact>(`${INSERT} RETURNING ${COLUMNS}`);
    this.deleteOne = db.prepare<[string, number | null]>(
      'DELETE FROM address_book WHERE address = ? AND ifnull(chain_id, 0) = ifnull(?, 0)',
    );
    // Last writer wins by updated_at, so importing the same backup twice changes nothing.
    this.mergeOne = db.prepare<ContactRow, { name: string }>(
      `${INSERT} WHERE excluded.updated_at > address_book.updated_at RETURNING name`,
    );
  }

  list(): Contact[] {
    return this.selectAll.all();
  }

  /** The contacts a send on this chain may pick from. */
  usableOn(chainId: number): Contact[] {
    return this.selectUsable.all(chainId);
  }

  set(contact: ContactInput, now = Date.now()): Contact {
    return storeWrite(() => this.upsert.get(...toRow(contact, now, now)) as Contact);
  }

  remove(address: ChecksumAddress, chainId: number | null): void {
    if (this.deleteOne.run(address, chainId).changes === 0) {
      throw new StoreError('not_found', 'That address is not in the address book for that chain.');
    }
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(contact: Contact): boolean {
    return (
      storeWrite(() => this.mergeOne.get(...toRow(contact, contact.createdAt, contact.updatedAt))) !==
      undefined
    );
  }
}

function toRow(contact: ContactInput, createdAt: number, updatedAt: number): ContactRow {
  return [contact.address, contact.chainId, contact.name, contact.note, createdAt, updatedAt];
}
