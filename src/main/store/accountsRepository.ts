import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SignerKind } from '../../shared/accounts';
import { ChecksumAddress } from './address';
import { StoreError, storeWrite } from './storeError';

/** Ledger Live's three Ethereum schemes, plus a path the user typed. */
export const DerivationScheme = z.enum(['bip44', 'ledger-live', 'legacy', 'custom']);
export type DerivationScheme = z.infer<typeof DerivationScheme>;

const HARDENED = 2 ** 31;

export const DerivationPath = z
  .string()
  .max(100)
  .regex(/^m(\/\d{1,10}'?)+$/, "a derivation path looks like m/44'/60'/0'/0/0")
  .refine(
    (path) => path.split('/').every((step, i) => i === 0 || Number.parseInt(step, 10) < HARDENED),
    'each step of a derivation path must be below 2^31',
  );

/**
 * Which combinations are allowed (watch-only has no device, a Ledger needs its path, the signer matches the
 * device's kind) is decided once, by the schema's constraints, and reported through StoreError.
 */
export const NewAccount = z.strictObject({
  signer: SignerKind,
  deviceFingerprint: z.string().min(1).max(128).nullable(),
  derivationScheme: DerivationScheme.nullable(),
  derivationPath: DerivationPath.nullable(),
  address: ChecksumAddress,
  label: z.string().trim().max(100),
});
export type NewAccount = z.output<typeof NewAccount>;

export interface Account extends NewAccount {
  id: number;
  createdAt: number;
  updatedAt: number;
}

type AccountRow = [
  SignerKind,
  string | null,
  DerivationScheme | null,
  string | null,
  string,
  string,
  number,
  number,
];

const COLUMNS = `id, signer, device_fingerprint AS deviceFingerprint, derivation_scheme AS derivationScheme,
  derivation_path AS derivationPath, address, label, created_at AS createdAt, updated_at AS updatedAt`;
const INSERT = `INSERT INTO accounts (signer, device_fingerprint, derivation_scheme, derivation_path, address,
  label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
const UNKNOWN_DEVICE =
  "The account's device is not known to this wallet, or is not a device of the account's signer kind.";
const NOT_FOUND = 'That account does not exist in this wallet.';

export class AccountsRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insertOne;
  private readonly updateLabel;
  private readonly deleteOne;
  private readonly mergeOne;
  private readonly insertMany;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], Account>(`SELECT ${COLUMNS} FROM accounts ORDER BY id`);
    this.selectOne = db.prepare<[number], Account>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`);
    this.insertOne = db.prepare<AccountRow, Account>(`${INSERT} RETURNING ${COLUMNS}`);
    this.updateLabel = db.prepare<[string, number, number], Account>(
      `UPDATE accounts SET label = ?, updated_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteOne = db.prepare<[number]>('DELETE FROM accounts WHERE id = ?');
    // An account is the same account on both sides when its device and address match (or, watch-only, its
    // address); the newer label wins, so importing the same backup twice changes nothing.
    const newerLabel = `DO UPDATE SET label = excluded.label, updated_at = excluded.updated_at
      WHERE excluded.updated_at > accounts.updated_at`;
    this.mergeOne = db.prepare<AccountRow, { id: number }>(
      `${INSERT}
       ON CONFLICT (device_fingerprint, address) ${newerLabel}
       ON CONFLICT (address) WHERE signer = 'watch' ${newerLabel}
       RETURNING id`,
    );
    this.insertMany = db.transaction((accounts: readonly NewAccount[], now: number) =>
      accounts.map((account) => this.insertOne.get(...toRow(account, now, now)) as Account),
    );
  }

  list(): Account[] {
    return this.selectAll.all();
  }

  get(id: number): Account {
    const row = this.selectOne.get(id);
    if (!row) throw new StoreError('not_found', NOT_FOUND);
    return row;
  }

  add(account: NewAccount, now = Date.now()): Account {
    return this.addMany([account], now)[0] as Account;
  }

  /** Discovery finds accounts in runs; a run is stored whole or, if one account is refused, not at all. */
  addMany(accounts: readonly NewAccount[], now = Date.now()): Account[] {
    return storeWrite(() => this.insertMany(accounts, now), UNKNOWN_DEVICE);
  }

  rename(id: number, label: string, now = Date.now()): Account {
    const row = storeWrite(() => this.updateLabel.get(label, now, id));
    if (!row) throw new StoreError('not_found', NOT_FOUND);
    return row;
  }

  /** Also drops the account's sync cursors: they are derived from the chain and rebuilt if it comes back. */
  remove(id: number): void {
    if (this.deleteOne.run(id).changes === 0) throw new StoreError('not_found', NOT_FOUND);
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(account: Omit<Account, 'id'>): boolean {
    const row = storeWrite(
      () => this.mergeOne.get(...toRow(account, account.createdAt, account.updatedAt)),
      UNKNOWN_DEVICE,
    );
    return row !== undefined;
  }
}

function toRow(account: NewAccount, createdAt: number, updatedAt: number): AccountRow {
  const { signer, deviceFingerprint, derivationScheme, derivationPath, address, label } = account;
  return [signer, deviceFingerprint, derivationScheme, derivationPath, address, label, createdAt, updatedAt];
}
