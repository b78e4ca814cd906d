import type { Database } from 'better-sqlite3';
import type { SafeConfirmationView, SafeTxFields, SafeTxKind, SafeTxView } from '../../shared/safes';
import type { SignatureParts } from '../signers/signer';
import type { ChecksumAddress } from '../store/address';
import { StoreError, storeWrite } from '../store/storeError';

export type SafeTxStatus = SafeTxView['status'];

/** One owner's signature, with the device that made it. */
export interface SafeConfirmation {
  owner: ChecksumAddress;
  signature: SignatureParts;
  signer: SafeConfirmationView['signer'];
  mode: SafeConfirmationView['mode'];
  signedAt: number;
}

export interface SafeTxExecution {
  hash: string;
  by: ChecksumAddress;
  /** The outgoing transaction this wallet sent; null when another desktop sent it. */
  outgoingId: number | null;
}

export interface NewSafeTx {
  safeId: number;
  safeTxHash: string;
  fields: SafeTxFields;
  kind: SafeTxKind;
  summary: string;
  warnings: string[];
}

/** A Safe transaction as stored; its confirmations come from `confirmations(id)`. */
export interface SafeTxRow extends NewSafeTx {
  id: number;
  status: SafeTxStatus;
  execution: SafeTxExecution | null;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: number;
  safeId: number;
  safeTxHash: string;
  fields: string;
  kind: SafeTxKind;
  summary: string;
  warnings: string;
  status: SafeTxStatus;
  executionHash: string | null;
  executionBy: string | null;
  executionOutgoingId: number | null;
  createdAt: number;
  updatedAt: number;
}

interface ConfirmationRow {
  owner: string;
  r: string;
  s: string;
  yParity: 0 | 1;
  signerKind: SafeConfirmation['signer']['kind'];
  signerLabel: string;
  signerFingerprint: string | null;
  mode: SafeConfirmation['mode'];
  signedAt: number;
}

const COLUMNS = `id, safe_id AS safeId, safe_tx_hash AS safeTxHash, fields, kind, summary, warnings, status,
  execution_hash AS executionHash, execution_by AS executionBy, execution_outgoing_id AS executionOutgoingId,
  created_at AS createdAt, updated_at AS updatedAt`;
const CONFIRMATION_COLUMNS = `owner, r, s, y_parity AS yParity, signer_kind AS signerKind,
  signer_label AS signerLabel, signer_fingerprint AS signerFingerprint, mode, signed_at AS signedAt`;

const SIGNATURE_WORD = /^0x[0-9a-fA-F]{1,64}$/;

/** Safe transactions the wallet collects signatures for, and who signed each on which device. */
export class SafeTransactionsRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByHash;
  private readonly selectForSafe;
  private readonly selectByExecution;
  private readonly insert;
  private readonly insertConfirmation;
  private readonly selectConfirmations;
  private readonly updateStatus;
  private readonly deleteOne;

  constructor(private readonly db: Database) {
    const from = 'FROM safe_transactions';
    this.selectAll = db.prepare<[], Row>(`SELECT ${COLUMNS} ${from} ORDER BY created_at DESC, id DESC`);
    this.selectOne = db.prepare<[number], Row>(`SELECT ${COLUMNS} ${from} WHERE id = ?`);
    this.selectByHash = db.prepare<[string], Row>(`SELECT ${COLUMNS} ${from} WHERE safe_tx_hash = ?`);
    this.selectForSafe = db.prepare<[number], Row>(
      `SELECT ${COLUMNS} ${from} WHERE safe_id = ? ORDER BY nonce, created_at, id`,
    );
    this.selectByExecution = db.prepare<[string, number], Row>(
      `SELECT ${COLUMNS} ${from} WHERE execution_hash = ? AND safe_id IN (SELECT id FROM safes WHERE chain_id = ?)`,
    );
    this.insert = db.prepare<
      [number, string, string, number, string, string, string, string, number, number],
      Row
    >(
      `INSERT INTO safe_transactions (safe_id, safe_tx_hash, fields, nonce, kind, summary, warnings, status,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.insertConfirmation = db.prepare<
      [number, string, string, string, number, string, string, string | null, string, number]
    >(
      `INSERT INTO safe_confirmations (tx_id, owner, r, s, y_parity, signer_kind, signer_label,
         signer_fingerprint, mode, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tx_id, owner) DO NOTHING`,
    );
    this.selectConfirmations = db.prepare<[number], ConfirmationRow>(
      `SELECT ${CONFIRMATION_COLUMNS} FROM safe_confirmations WHERE tx_id = ? ORDER BY signed_at, owner`,
    );
    this.updateStatus = db.prepare<
      [string, string | null, string | null, number | null, number, number],
      Row
    >(
      `UPDATE safe_transactions SET status = ?, execution_hash = ?, execution_by = ?,
         execution_outgoing_id = ?, updated_at = max(created_at, ?) WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteOne = db.prepare<[number]>('DELETE FROM safe_transactions WHERE id = ?');
  }

  /** Newest first. */
  list(): SafeTxRow[] {
    return this.selectAll.all().map(toSafeTx);
  }

  get(id: number): SafeTxRow | null {
    const row = this.selectOne.get(id);
    return row ? toSafeTx(row) : null;
  }

  byHash(safeTxHash: string): SafeTxRow | null {
    const row = this.selectByHash.get(safeTxHash.toLowerCase());
    return row ? toSafeTx(row) : null;
  }

  /** By nonce, so the next one to execute comes first. */
  forSafe(safeId: number): SafeTxRow[] {
    return this.selectForSafe.all(safeId).map(toSafeTx);
  }

  /** The Safe transaction an execTransaction carried, by the hash of the Ethereum transaction. */
  byExecutionHash(chainId: number, hash: string): SafeTxRow | null {
    const row = this.selectByExecution.get(hash.toLowerCase(), chainId);
    return row ? toSafeTx(row) : null;
  }

  /** A new Safe transaction, `collecting`, with the confirmations it came with, in one write. */
  add(tx: NewSafeTx, now = Date.now(), confirmations: readonly SafeConfirmation[] = []): SafeTxRow {
    return storeWrite(
      this.db.transaction(() => {
        const row = this.insert.get(
          tx.safeId,
          tx.safeTxHash.toLowerCase(),
          JSON.stringify(tx.fields),
          tx.fields.nonce,
          tx.kind,
          tx.summary,
          JSON.stringify(tx.warnings),
          'collecting',
          now,
          now,
        ) as Row;
        for (const confirmation of confirmations) this.confirm(row.id, confirmation);
        return toSafeTx(row);
      }),
      'The wallet no longer follows that Safe.',
    );
  }

  /** One per owner: a second signature from the same owner is ignored. Returns whether it was added. */
  addConfirmation(txId: number, confirmation: SafeConfirmation): boolean {
    return storeWrite(
      () => this.confirm(txId, confirmation),
      'That Safe transaction is no longer in the wallet.',
    );
  }

  confirmations(txId: number): SafeConfirmation[] {
    return this.selectConfirmations.all(txId).map((row) => ({
      owner: row.owner as ChecksumAddress,
      signature: { r: row.r, s: row.s, yParity: row.yParity },
      signer: { kind: row.signerKind, label: row.signerLabel, fingerprint: row.signerFingerprint },
      mode: row.mode,
      signedAt: row.signedAt,
    }));
  }

  /** The status and, from `executing` on, the transaction that carries it. */
  setStatus(
    id: number,
    status: SafeTxStatus,
    change: { execution?: SafeTxExecution | null } = {},
    now = Date.now(),
  ): SafeTxRow {
    const current = this.get(id);
    if (!current) throw new StoreError('not_found', 'That Safe transaction is no longer in the wallet.');
    const execution = change.execution === undefined ? current.execution : change.execution;
    if (['executing', 'executed', 'failed'].includes(status) && !execution)
      throw new StoreError(
        'invalid_request',
        'A Safe transaction that was sent needs the hash it was sent in.',
      );
    const row = storeWrite(() =>
      this.updateStatus.get(
        status,
        execution?.hash.toLowerCase() ?? null,
        execution?.by ?? null,
        execution?.outgoingId ?? null,
        now,
        id,
      ),
    );
    return toSafeTx(row as Row);
  }

  remove(id: number): boolean {
    return storeWrite(() => this.deleteOne.run(id).changes > 0);
  }

  private confirm(txId: number, confirmation: SafeConfirmation): boolean {
    const { owner, signature, signer, mode, signedAt } = confirmation;
    return (
      this.insertConfirmation.run(
        txId,
        owner,
        signatureWord(signature.r),
        signatureWord(signature.s),
        signature.yParity,
        signer.kind,
        signer.label.slice(0, 100),
        signer.fingerprint,
        mode,
        signedAt,
      ).changes > 0
    );
  }
}

/** r and s as 32-byte words: devices and libraries drop leading zeros differently. */
function signatureWord(value: string): string {
  if (!SIGNATURE_WORD.test(value))
    throw new StoreError('invalid_request', 'A signature part must be 0x followed by up to 64 hex digits.');
  return `0x${value.slice(2).toLowerCase().padStart(64, '0')}`;
}

function toSafeTx(row: Row): SafeTxRow {
  return {
    id: row.id,
    safeId: row.safeId,
    safeTxHash: row.safeTxHash,
    fields: JSON.parse(row.fields) as SafeTxFields,
    kind: row.kind,
    summary: row.summary,
    warnings: JSON.parse(row.warnings) as string[],
    status: row.status,
    execution:
      row.executionHash === null
        ? null
        : {
            hash: row.executionHash,
            by: row.executionBy as ChecksumAddress,
            outgoingId: row.executionOutgoingId,
          },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
