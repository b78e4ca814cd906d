import type { Database } from 'better-sqlite3';
import type { ChecksumAddress } from '../store/address';
import { StoreError, storeWrite } from '../store/storeError';
import type { SafeChainState } from './safeReader';

export type SafeStatus = 'deploying' | 'ready' | 'failed';

/** A Safe the wallet follows, as stored: the last on-chain read, or null before the first. */
export interface SafeRow {
  id: number;
  chainId: number;
  address: ChecksumAddress;
  name: string;
  status: SafeStatus;
  /** The creation transaction this wallet sent; null for a Safe added by address or through sync. */
  deployment: { hash: string; outgoingId: number | null } | null;
  state: SafeChainState | null;
  /** Why the last read failed, in words. */
  error: string | null;
  readAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewSafe {
  chainId: number;
  address: ChecksumAddress;
  name: string;
  deployment: { hash: string; outgoingId: number | null } | null;
}

interface Row {
  id: number;
  chainId: number;
  address: string;
  name: string;
  status: SafeStatus;
  deploymentHash: string | null;
  deploymentOutgoingId: number | null;
  state: string | null;
  error: string | null;
  readAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, chain_id AS chainId, address, name, status, deployment_hash AS deploymentHash,
  deployment_outgoing_id AS deploymentOutgoingId, state, error, read_at AS readAt, created_at AS createdAt,
  updated_at AS updatedAt`;

const NAME_MAX = 40;
const ERROR_MAX = 1000;

/** The Safes the wallet follows, one per (chain, address). */
export class SafesRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByAddress;
  private readonly insert;
  private readonly updateName;
  private readonly updateState;
  private readonly deleteOne;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM safes ORDER BY name, id`);
    this.selectOne = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM safes WHERE id = ?`);
    this.selectByAddress = db.prepare<[number, string], Row>(
      `SELECT ${COLUMNS} FROM safes WHERE chain_id = ? AND address = ?`,
    );
    this.insert = db.prepare<
      [number, string, string, string, string | null, number | null, number, number],
      Row
    >(
      `INSERT INTO safes (chain_id, address, name, status, deployment_hash, deployment_outgoing_id, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.updateName = db.prepare<[string, number, number], Row>(
      `UPDATE safes SET name = ?, updated_at = max(created_at, ?) WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.updateState = db.prepare<[string, string | null, string | null, number | null, number, number], Row>(
      `UPDATE safes SET status = ?, state = ?, error = ?, read_at = ?, updated_at = max(created_at, ?)
         WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteOne = db.prepare<[number]>('DELETE FROM safes WHERE id = ?');
  }

  list(): SafeRow[] {
    return this.selectAll.all().map(toSafe);
  }

  get(id: number): SafeRow | null {
    const row = this.selectOne.get(id);
    return row ? toSafe(row) : null;
  }

  byAddress(chainId: number, address: ChecksumAddress): SafeRow | null {
    const row = this.selectByAddress.get(chainId, address);
    return row ? toSafe(row) : null;
  }

  /** A Safe with a creation transaction starts `deploying`; one added by address is read on chain next. */
  add(safe: NewSafe, now = Date.now()): SafeRow {
    const name = safeName(safe.name);
    const status = safe.deployment ? 'deploying' : 'ready';
    const row = storeWrite(() => {
      try {
        return this.insert.get(
          safe.chainId,
          safe.address,
          name,
          status,
          safe.deployment?.hash ?? null,
          safe.deployment?.outgoingId ?? null,
          now,
          now,
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new StoreError(
            'conflict',
            `The wallet already follows the Safe ${safe.address} on this network.`,
          );
        throw error;
      }
    });
    return toSafe(row as Row);
  }

  rename(id: number, name: string, now = Date.now()): SafeRow {
    return toSafe(this.found(storeWrite(() => this.updateName.get(safeName(name), now, id))));
  }

  /** The result of a read on chain: its state (null when it failed or there is none yet) and status. */
  setState(
    id: number,
    state: SafeChainState | null,
    result: { status: SafeStatus; error: string | null },
    now = Date.now(),
  ): SafeRow {
    const error =
      result.error === null ? null : result.error.slice(0, ERROR_MAX) || 'The Safe could not be read.';
    const json = state === null ? null : JSON.stringify({ ...state, balance: state.balance.toString() });
    return toSafe(
      this.found(
        storeWrite(() => this.updateState.get(result.status, json, error, state ? now : null, now, id)),
      ),
    );
  }

  /** Its Safe transactions and their confirmations go with it. Returns whether there was one. */
  remove(id: number): boolean {
    return storeWrite(() => this.deleteOne.run(id).changes > 0);
  }

  private found(row: Row | undefined): Row {
    if (!row) throw new StoreError('not_found', 'That Safe is no longer in the wallet.');
    return row;
  }
}

function safeName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX)
    throw new StoreError('invalid_request', `A Safe's name must be 1 to ${NAME_MAX} characters long.`);
  return trimmed;
}

function toSafe(row: Row): SafeRow {
  const stored = row.state === null ? null : (JSON.parse(row.state) as SafeChainState & { balance: string });
  return {
    id: row.id,
    chainId: row.chainId,
    address: row.address as ChecksumAddress,
    name: row.name,
    status: row.status,
    deployment:
      row.deploymentHash === null ? null : { hash: row.deploymentHash, outgoingId: row.deploymentOutgoingId },
    state: stored && { ...stored, balance: BigInt(stored.balance) },
    error: row.error,
    readAt: row.readAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
