import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { storeWrite } from '../store/storeError';

/** One row of `dapp_sites`: a revoked site keeps its row (with no accounts) so it counts as known before. */
export interface SiteRow {
  origin: string;
  accountIds: number[];
  chainId: number;
  windowEthereum: boolean;
  connectedAt: number;
  lastUsedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

interface RawRow extends Omit<SiteRow, 'accountIds' | 'windowEthereum'> {
  accounts: string;
  windowEthereum: number;
}

const AccountIds = z.array(z.number().int().positive());
const COLUMNS = `origin, accounts, chain_id AS chainId, window_ethereum AS windowEthereum,
  connected_at AS connectedAt, last_used_at AS lastUsedAt, expires_at AS expiresAt, revoked_at AS revokedAt`;

const fromRaw = ({ accounts, windowEthereum, ...row }: RawRow): SiteRow => ({
  ...row,
  accountIds: AccountIds.parse(JSON.parse(accounts)),
  windowEthereum: windowEthereum === 1,
});

export class SitesRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;
  private readonly updateUse;
  private readonly updateChain;
  private readonly updateAccounts;
  private readonly updateWindow;
  private readonly revokeOne;
  private readonly revokeEvery;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM dapp_sites ORDER BY origin`);
    this.selectOne = db.prepare<[string], RawRow>(`SELECT ${COLUMNS} FROM dapp_sites WHERE origin = ?`);
    this.upsert = db.prepare<[string, string, number, number, number, number]>(
      `INSERT INTO dapp_sites (origin, accounts, chain_id, connected_at, last_used_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (origin) DO UPDATE SET accounts = excluded.accounts, chain_id = excluded.chain_id,
         connected_at = excluded.connected_at, last_used_at = excluded.last_used_at,
         expires_at = excluded.expires_at, revoked_at = NULL`,
    );
    this.updateUse = db.prepare<[number, number, string]>(
      'UPDATE dapp_sites SET last_used_at = ?, expires_at = ? WHERE origin = ? AND revoked_at IS NULL',
    );
    this.updateChain = db.prepare<[number, string]>('UPDATE dapp_sites SET chain_id = ? WHERE origin = ?');
    this.updateAccounts = db.prepare<[string, string]>('UPDATE dapp_sites SET accounts = ? WHERE origin = ?');
    this.updateWindow = db.prepare<[number, string]>(
      'UPDATE dapp_sites SET window_ethereum = ? WHERE origin = ?',
    );
    this.revokeOne = db.prepare<[number, string]>(
      `UPDATE dapp_sites SET revoked_at = ?, accounts = '[]', window_ethereum = 0
       WHERE origin = ? AND revoked_at IS NULL`,
    );
    this.revokeEvery = db.prepare<[number]>(
      `UPDATE dapp_sites SET revoked_at = ?, accounts = '[]', window_ethereum = 0 WHERE revoked_at IS NULL`,
    );
  }

  list(): SiteRow[] {
    return this.selectAll.all().map(fromRaw);
  }

  get(origin: string): SiteRow | undefined {
    const row = this.selectOne.get(origin);
    return row && fromRaw(row);
  }

  connect(site: { origin: string; accountIds: number[]; chainId: number; now: number; expiresAt: number }) {
    const { origin, accountIds, chainId, now, expiresAt } = site;
    storeWrite(() => this.upsert.run(origin, JSON.stringify(accountIds), chainId, now, now, expiresAt));
  }

  used(origin: string, now: number, expiresAt: number): void {
    storeWrite(() => this.updateUse.run(now, expiresAt, origin));
  }

  setChain(origin: string, chainId: number): void {
    storeWrite(() => this.updateChain.run(chainId, origin));
  }

  setAccounts(origin: string, accountIds: number[]): void {
    storeWrite(() => this.updateAccounts.run(JSON.stringify(accountIds), origin));
  }

  setWindowEthereum(origin: string, on: boolean): void {
    storeWrite(() => this.updateWindow.run(on ? 1 : 0, origin));
  }

  /** Whether a connected site was revoked now. */
  revoke(origin: string, now: number): boolean {
    return storeWrite(() => this.revokeOne.run(now, origin)).changes > 0;
  }

  revokeAll(now: number): void {
    storeWrite(() => this.revokeEvery.run(now));
  }
}
