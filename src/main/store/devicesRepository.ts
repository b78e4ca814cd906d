import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StoreError, storeWrite } from './storeError';

export const DeviceKind = z.enum(['ledger', 'trezor', 'phone']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** What a signer service reports when it meets a device: a Ledger or Trezor plugged in, a phone paired. */
export const DeviceSighting = z.strictObject({
  /** Stable per device: the hardware's id, or the paired phone's public-key fingerprint. */
  fingerprint: z.string().min(1).max(128),
  kind: DeviceKind,
  name: z.string().trim().min(1).max(100),
  model: z.string().trim().min(1).max(100).nullable(),
});
export type DeviceSighting = z.output<typeof DeviceSighting>;

export interface Device extends DeviceSighting {
  /** Set for phones only: a phone is stored when its pairing completes. */
  pairedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

type DeviceRow = [string, DeviceKind, string, string | null, number | null, number, number];

const COLUMNS = `fingerprint, kind, name, model, paired_at AS pairedAt,
  first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt`;

export class DevicesRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsertSighting;
  private readonly updateName;
  private readonly deleteOne;
  private readonly mergeOne;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], Device>(
      `SELECT ${COLUMNS} FROM devices ORDER BY first_seen_at, fingerprint`,
    );
    this.selectOne = db.prepare<[string], Device>(`SELECT ${COLUMNS} FROM devices WHERE fingerprint = ?`);
    // The name stays as the user last set it; a sighting refreshes only what the device itself reports.
    this.upsertSighting = db.prepare<DeviceRow, Device>(
      `INSERT INTO devices (fingerprint, kind, name, model, paired_at, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET
         model = ifnull(excluded.model, model), last_seen_at = max(last_seen_at, excluded.last_seen_at)
       WHERE kind = excluded.kind
       RETURNING ${COLUMNS}`,
    );
    this.updateName = db.prepare<[string, string], Device>(
      `UPDATE devices SET name = ? WHERE fingerprint = ? RETURNING ${COLUMNS}`,
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM devices WHERE fingerprint = ?');
    // Merging keeps local names and only widens when the device was seen, so a second import changes nothing.
    this.mergeOne = db.prepare<DeviceRow, Device>(
      `INSERT INTO devices (fingerprint, kind, name, model, paired_at, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET
         first_seen_at = min(first_seen_at, excluded.first_seen_at),
         last_seen_at = max(last_seen_at, excluded.last_seen_at)
       WHERE kind = excluded.kind
         AND (excluded.first_seen_at < first_seen_at OR excluded.last_seen_at > last_seen_at)
       RETURNING ${COLUMNS}`,
    );
  }

  list(): Device[] {
    return this.selectAll.all();
  }

  get(fingerprint: string): Device | undefined {
    return this.selectOne.get(fingerprint);
  }

  recordSeen(device: DeviceSighting, now = Date.now()): Device {
    const { fingerprint, kind, name, model } = device;
    const pairedAt = kind === 'phone' ? now : null;
    const row = storeWrite(() => this.upsertSighting.get(fingerprint, kind, name, model, pairedAt, now, now));
    return row ?? this.kindClash(fingerprint, kind);
  }

  rename(fingerprint: string, name: string): Device {
    const row = storeWrite(() => this.updateName.get(name, fingerprint));
    if (!row) throw new StoreError('not_found', 'That device is not known to this wallet.');
    return row;
  }

  /** Refuses while accounts use the device, so removing a device never takes the user's accounts with it. */
  remove(fingerprint: string): void {
    const { changes } = storeWrite(
      () => this.deleteOne.run(fingerprint),
      'This device still has accounts. Remove them first, then remove the device.',
    );
    if (changes === 0) throw new StoreError('not_found', 'That device is not known to this wallet.');
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(device: Device): boolean {
    const { fingerprint, kind, name, model, pairedAt, firstSeenAt, lastSeenAt } = device;
    const row = storeWrite(() =>
      this.mergeOne.get(fingerprint, kind, name, model, pairedAt, firstSeenAt, lastSeenAt),
    );
    if (!row && this.get(fingerprint)?.kind !== kind) this.kindClash(fingerprint, kind);
    return row !== undefined;
  }

  private kindClash(fingerprint: string, kind: DeviceKind): never {
    const known = this.get(fingerprint)?.kind ?? 'another kind';
    throw new StoreError('conflict', `Device ${fingerprint} is known as a ${known}, not a ${kind}.`);
  }
}
