import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

export type OutgoingStatus = 'signed' | 'pending' | 'included' | 'failed' | 'dropped' | 'replaced';

/** Not yet in a block: signed and not sent, or sent and still in the mempool. */
export function isOpen(status: OutgoingStatus): boolean {
  return status === 'signed' || status === 'pending';
}

export type OutgoingPurpose = 'send' | 'speed-up' | 'cancel' | 'revoke';

export interface OutgoingTransaction {
  id: number;
  address: string;
  chainId: number;
  nonce: number;
  hash: string;
  /** The signed transaction, as broadcast. */
  raw: string;
  purpose: OutgoingPurpose;
  /** The transaction this one replaces (speed-up, cancel). */
  replaces: number | null;
  status: OutgoingStatus;
  blockNumber: number | null;
  /** Why it failed or was dropped, in words for the user. */
  reason: string | null;
  createdAt: number;
  updatedAt: number;
}

export type NewOutgoing = Pick<
  OutgoingTransaction,
  'address' | 'chainId' | 'nonce' | 'hash' | 'raw' | 'purpose' | 'replaces'
>;

const COLUMNS = `id, address, chain_id AS chainId, nonce, hash, raw, purpose, replaces, status,
  block_number AS blockNumber, reason, created_at AS createdAt, updated_at AS updatedAt`;

/** What this wallet signed to send, and where each transaction stands: the nonce manager's memory. */
export class OutgoingRepository {
  private readonly insertOne;
  private readonly selectOne;
  private readonly selectOpen;
  private readonly selectAll;
  private readonly selectForSender;
  private readonly updateStatus;

  constructor(db: Database) {
    this.insertOne = db.prepare<unknown[], OutgoingTransaction>(
      `INSERT INTO outgoing_transactions (address, chain_id, nonce, hash, raw, purpose, replaces, status,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'signed', ?, ?) RETURNING ${COLUMNS}`,
    );
    this.selectOne = db.prepare<[number], OutgoingTransaction>(
      `SELECT ${COLUMNS} FROM outgoing_transactions WHERE id = ?`,
    );
    this.selectOpen = db.prepare<[], OutgoingTransaction>(
      `SELECT ${COLUMNS} FROM outgoing_transactions WHERE status IN ('signed', 'pending') ORDER BY id`,
    );
    this.selectAll = db.prepare<[], OutgoingTransaction>(
      `SELECT ${COLUMNS} FROM outgoing_transactions ORDER BY id DESC LIMIT 200`,
    );
    this.selectForSender = db.prepare<[string, number], OutgoingTransaction>(
      `SELECT ${COLUMNS} FROM outgoing_transactions WHERE address = ? AND chain_id = ? ORDER BY nonce, id`,
    );
    this.updateStatus = db.prepare<[OutgoingStatus, number | null, string | null, number, number]>(
      `UPDATE outgoing_transactions SET status = ?, block_number = ?, reason = ?, updated_at = ? WHERE id = ?`,
    );
  }

  /** Stored as signed, before it is broadcast. */
  add(transaction: NewOutgoing, now = Date.now()): OutgoingTransaction {
    const { address, chainId, nonce, hash, raw, purpose, replaces } = transaction;
    return storeWrite(
      () =>
        this.insertOne.get(
          address,
          chainId,
          nonce,
          hash.toLowerCase(),
          raw,
          purpose,
          replaces,
          now,
          now,
        ) as OutgoingTransaction,
      'The transaction it replaces is not recorded.',
    );
  }

  get(id: number): OutgoingTransaction | undefined {
    return this.selectOne.get(id);
  }

  /** Signed but maybe not broadcast, or broadcast and not yet settled: what a start resumes. */
  open(): OutgoingTransaction[] {
    return this.selectOpen.all();
  }

  /** The latest 200, newest first: what the Send page lists. */
  all(): OutgoingTransaction[] {
    return this.selectAll.all();
  }

  forSender(address: string, chainId: number): OutgoingTransaction[] {
    return this.selectForSender.all(address, chainId);
  }

  setStatus(
    id: number,
    status: OutgoingStatus,
    { blockNumber = null, reason = null }: { blockNumber?: number | null; reason?: string | null } = {},
    now = Date.now(),
  ): void {
    this.updateStatus.run(status, blockNumber, reason, now, id);
  }
}
