import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import { TX_NOTE_MAX_LENGTH } from '../../shared/history';
import { StoreError, storeWrite } from './storeError';

const TxHash = z.string().regex(/^0x[0-9a-f]{64}$/, {
  error: 'A transaction hash must be 0x followed by 64 lowercase hexadecimal characters.',
});
const NoteText = z
  .string()
  .max(TX_NOTE_MAX_LENGTH, { error: 'A note can be at most 1,000 characters long.' })
  .refine((text) => !text.includes('\0'), { error: 'A note cannot contain NUL characters.' });
const Timestamp = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** What the user writes: an empty or blank note means "no note". */
export const TxNoteInput = z.strictObject({ chainId: ChainId, hash: TxHash, note: NoteText });
export type TxNoteInput = z.input<typeof TxNoteInput>;

/** A stored note: trimmed, never blank. The backup file carries these. */
export const TxNote = z.strictObject({
  chainId: ChainId,
  hash: TxHash,
  note: NoteText.trim().min(1, { error: 'A note must be 1 to 1,000 characters long.' }),
  updatedAt: Timestamp,
});
export type TxNote = z.output<typeof TxNote>;

type TxNoteRow = [chainId: number, hash: string, note: string, updatedAt: number];

const COLUMNS = 'chain_id AS chainId, hash, note, updated_at AS updatedAt';
const UPSERT = `INSERT INTO tx_notes (chain_id, hash, note, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (chain_id, hash) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`;

/**
 * The user's private notes on transactions, one per (chain, hash). They are not tied to the indexed history
 * rows: a re-index or a reorg that drops and rewrites a transaction finds its note again by the same key.
 */
export class TxNotesRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;
  private readonly mergeOne;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], TxNote>(`SELECT ${COLUMNS} FROM tx_notes ORDER BY chain_id, hash`);
    this.selectOne = db.prepare<[number, string], TxNote>(
      `SELECT ${COLUMNS} FROM tx_notes WHERE chain_id = ? AND hash = ?`,
    );
    this.upsert = db.prepare<TxNoteRow, TxNote>(`${UPSERT} RETURNING ${COLUMNS}`);
    this.deleteOne = db.prepare<[number, string]>('DELETE FROM tx_notes WHERE chain_id = ? AND hash = ?');
    // Last writer wins by updated_at, so importing the same backup twice changes nothing.
    this.mergeOne = db.prepare<TxNoteRow, { hash: string }>(
      `${UPSERT} WHERE excluded.updated_at > tx_notes.updated_at RETURNING hash`,
    );
  }

  list(): TxNote[] {
    return this.selectAll.all();
  }

  get(chainId: number, hash: string): TxNote | null {
    return this.selectOne.get(chainId, hash) ?? null;
  }

  /**
   * Writes the note on a transaction, trimmed; an empty or blank note removes it. Returns the stored note, or
   * null when there is none now.
   */
  set(input: TxNoteInput, now = Date.now()): TxNote | null {
    const { chainId, hash, note } = parse(TxNoteInput, input);
    const text = note.trim();
    if (text === '') {
      this.remove(chainId, hash);
      return null;
    }
    return storeWrite(() => this.upsert.get(chainId, hash, text, now) as TxNote);
  }

  /** Removes the note on a transaction; returns whether there was one. */
  remove(chainId: number, hash: string): boolean {
    return storeWrite(() => this.deleteOne.run(chainId, hash).changes > 0);
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(input: TxNote): boolean {
    const { chainId, hash, note, updatedAt } = parse(TxNote, input);
    return storeWrite(() => this.mergeOne.get(chainId, hash, note, updatedAt)) !== undefined;
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const message = issue?.path[0] === 'chainId' ? 'A chain id must be a positive integer.' : issue?.message;
  throw new StoreError('invalid_request', message ?? 'That note cannot be stored.');
}
