import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { storeWrite } from '../store/storeError';

/** An EIP-5792 batch as stored: the wallet's outgoing transaction ids, in call order, and why it stopped. */
export interface CallBatchRow {
  id: string;
  origin: string;
  chainId: number;
  outgoing: number[];
  failure: string | null;
  createdAt: number;
}

const Outgoing = z.array(z.number().int().positive());
/** The column's bound in dappsMigration. */
const MAX_FAILURE_CHARS = 600;

type StoredRow = Omit<CallBatchRow, 'outgoing'> & { outgoing: string };

export class CallBatchesRepository {
  private readonly selectOne;
  private readonly insertOne;
  private readonly updateOutgoing;
  private readonly updateFailure;

  constructor(db: Database) {
    this.selectOne = db.prepare<[string], StoredRow>(
      `SELECT id, origin, chain_id AS chainId, outgoing, failure, created_at AS createdAt
       FROM dapp_call_batches WHERE id = ?`,
    );
    this.insertOne = db.prepare<[string, string, number, string | null, number]>(
      `INSERT INTO dapp_call_batches (id, origin, chain_id, outgoing, failure, created_at)
       VALUES (?, ?, ?, '[]', ?, ?)`,
    );
    this.updateOutgoing = db.prepare<[string, string]>(
      'UPDATE dapp_call_batches SET outgoing = ? WHERE id = ?',
    );
    this.updateFailure = db.prepare<[string | null, string]>(
      'UPDATE dapp_call_batches SET failure = ? WHERE id = ?',
    );
  }

  get(id: string): CallBatchRow | undefined {
    const row = this.selectOne.get(id);
    return row && { ...row, outgoing: Outgoing.parse(JSON.parse(row.outgoing)) };
  }

  add(row: Omit<CallBatchRow, 'outgoing'>): void {
    storeWrite(() => this.insertOne.run(row.id, row.origin, row.chainId, clip(row.failure), row.createdAt));
  }

  /** Records a call's transaction once it was sent. */
  addOutgoing(id: string, outgoingId: number): void {
    const row = this.get(id);
    if (!row) return;
    storeWrite(() => this.updateOutgoing.run(JSON.stringify([...row.outgoing, outgoingId]), id));
  }

  setFailure(id: string, failure: string | null): void {
    storeWrite(() => this.updateFailure.run(clip(failure), id));
  }
}

function clip(text: string | null): string | null {
  return text === null ? null : text.slice(0, MAX_FAILURE_CHARS);
}
