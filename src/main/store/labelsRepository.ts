import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import { ChecksumAddress } from './address';
import { StoreError, storeWrite } from './storeError';

/**
 * An externally owned address is the same key on every chain, so its label may apply everywhere; a contract
 * address can be a different contract on each chain, so its label must name one.
 */
export const LabelKind = z.enum(['eoa', 'contract']);
export type LabelKind = z.infer<typeof LabelKind>;

export const LabelInput = z.strictObject({
  address: ChecksumAddress,
  /** `null`: on every chain. A chain-scoped label wins over an unscoped one for the same address. */
  chainId: ChainId.nullable(),
  kind: LabelKind,
  name: z.string().trim().min(1).max(100),
  note: z.string().max(1000),
});
export type LabelInput = z.output<typeof LabelInput>;

export interface Label extends LabelInput {
  createdAt: number;
  updatedAt: number;
}

type LabelRow = [ChecksumAddress, number | null, LabelKind, string, string, number, number];

const COLUMNS = `address, chain_id AS chainId, kind, name, note, created_at AS createdAt, updated_at AS updatedAt`;
const INSERT = `INSERT INTO labels (address, chain_id, kind, name, note, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address, ifnull(chain_id, 0)) DO UPDATE SET
  kind = excluded.kind, name = excluded.name, note = excluded.note, updated_at = excluded.updated_at`;

export class LabelsRepository {
  private readonly selectAll;
  private readonly selectForAddress;
  private readonly upsert;
  private readonly upsertQuietly;
  private readonly deleteOne;
  private readonly mergeOne;
  private readonly upsertMany;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], Label>(`SELECT ${COLUMNS} FROM labels ORDER BY address, chain_id`);
    this.selectForAddress = db.prepare<[string], Label>(
      `SELECT ${COLUMNS} FROM labels WHERE address = ? ORDER BY chain_id NULLS FIRST`,
    );
    this.upsert = db.prepare<LabelRow, Label>(`${INSERT} RETURNING ${COLUMNS}`);
    // RETURNING makes SQLite build a result row per insert; a bulk write has no use for it.
    this.upsertQuietly = db.prepare<LabelRow>(INSERT);
    this.deleteOne = db.prepare<[string, number | null]>(
      'DELETE FROM labels WHERE address = ? AND ifnull(chain_id, 0) = ifnull(?, 0)',
    );
    // Last writer wins by updated_at, so importing the same backup twice changes nothing.
    this.mergeOne = db.prepare<LabelRow, { name: string }>(
      `${INSERT} WHERE excluded.updated_at > labels.updated_at RETURNING name`,
    );
    // Positional arguments straight from each label: a bulk write allocates nothing per row.
    this.upsertMany = db.transaction((labels: readonly LabelInput[], now: number) => {
      for (const label of labels) {
        this.upsertQuietly.run(label.address, label.chainId, label.kind, label.name, label.note, now, now);
      }
    });
  }

  list(): Label[] {
    return this.selectAll.all();
  }

  /** Every label of an address: the unscoped one first, then one per chain. */
  forAddress(address: ChecksumAddress): Label[] {
    return this.selectForAddress.all(address);
  }

  set(label: LabelInput, now = Date.now()): Label {
    return storeWrite(() => this.upsert.get(...toRow(label, now, now)) as Label);
  }

  /** An imported label list, a sync batch: all of it is stored, or none of it. */
  setMany(labels: readonly LabelInput[], now = Date.now()): void {
    storeWrite(() => this.upsertMany(labels, now));
  }

  remove(address: ChecksumAddress, chainId: number | null): void {
    if (this.deleteOne.run(address, chainId).changes === 0) {
      throw new StoreError('not_found', 'That address has no label on that chain.');
    }
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(label: Label): boolean {
    return (
      storeWrite(() => this.mergeOne.get(...toRow(label, label.createdAt, label.updatedAt))) !== undefined
    );
  }
}

function toRow(label: LabelInput, createdAt: number, updatedAt: number): LabelRow {
  return [label.address, label.chainId, label.kind, label.name, label.note, createdAt, updatedAt];
}
