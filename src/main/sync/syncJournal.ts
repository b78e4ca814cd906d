import type { Database } from 'better-sqlite3';
import { BlobLedger, type LedgerState } from '../../shared/sync/blobLedger';
import { applyOps } from '../../shared/sync/fieldStore';
import { MEMBER_FIELD, memberValue, type MemberValue } from '../../shared/sync/roster';
import { sealBlob } from '../../shared/sync/syncBlob';
import {
  ROSTER_COLLECTION,
  type SyncCollection,
  type SyncOp,
  type SyncValue,
} from '../../shared/sync/syncOps';
import { SyncBlobsRepository } from './syncBlobsRepository';
import { SyncFieldsRepository } from './syncFieldsRepository';
import type { SyncGroupKeys } from './syncGroupKeys';
import { currentEpoch } from './syncIdentity';
import { SyncLocalRepository } from './syncLocalRepository';
import type { SyncStateRepository } from './syncStateRepository';

/** Ops per blob: a first sync of 10,000 labels becomes many mid-sized blobs rather than one huge one. */
const OPS_PER_BLOB = 200;

export interface SyncJournalOptions {
  db: Database;
  state: SyncStateRepository;
  keys: SyncGroupKeys;
  now: () => number;
}

/**
 * The op log on this desktop: this desktop's ops stamped and sealed into numbered blobs, other devices' blobs
 * stored as they were accepted, the merged fields both write to, and the ledger of which blobs of each
 * device are here.
 */
export class SyncJournal {
  readonly fields: SyncFieldsRepository;
  readonly blobs: SyncBlobsRepository;
  readonly local: SyncLocalRepository;

  constructor(private readonly options: SyncJournalOptions) {
    this.fields = new SyncFieldsRepository(options.db);
    this.blobs = new SyncBlobsRepository(options.db);
    this.local = new SyncLocalRepository(options.db);
  }

  /** Runs in one transaction, or in a savepoint of the one already open. */
  transaction<T>(run: () => T): T {
    return this.options.db.transaction(run)();
  }

  op(c: SyncCollection, k: string, f: string, v: SyncValue): SyncOp {
    return { c, k, f, v, t: this.options.keys.stamp() };
  }

  /** A member is one field, so its keys never mix across two writes. */
  memberOp(id: string, member: MemberValue): SyncOp {
    return this.op(ROSTER_COLLECTION, id, MEMBER_FIELD, memberValue(member));
  }

  /** Applies this desktop's own ops and seals them into blobs, in one transaction. */
  commit(ops: SyncOp[]): void {
    const identity = this.options.keys.current;
    if (!identity || ops.length === 0) return;
    const { state } = this.options;
    const epoch = currentEpoch(identity.ring);
    this.transaction(() => {
      applyOps(this.fields, ops);
      this.recordLocal(ops);
      let counter = this.counter();
      const ledger = this.ledger();
      for (let start = 0; start < ops.length; start += OPS_PER_BLOB) {
        counter += 1;
        const bytes = sealBlob(epoch, identity.device, {
          kind: 'ops',
          counter,
          ops: ops.slice(start, start + OPS_PER_BLOB),
        });
        this.blobs.add(identity.device.id, counter, epoch.epoch, bytes);
        ledger.accept(identity.device.id, counter);
      }
      state.set('counter', counter);
      this.saveLedger(ledger);
    });
  }

  /**
   * Stores another device's blob that the ledger accepted and merges its ops, inside the caller's
   * transaction; answers the ops that won.
   */
  store(
    blob: { origin: string; counter: number; epoch: number; ops: readonly SyncOp[] },
    bytes: Uint8Array,
    ledger: BlobLedger,
  ): SyncOp[] {
    const winners = applyOps(this.fields, blob.ops);
    this.blobs.add(blob.origin, blob.counter, blob.epoch, bytes);
    this.saveLedger(ledger);
    this.options.state.set('lastSync', { ...this.lastSync(), [blob.origin]: this.options.now() });
    return winners;
  }

  /**
   * Merges ops another device signed outside a blob: the removal a key grant carries, applied before the key is
   * taken. The same op arrives again in that device's blob, where merging it changes nothing.
   */
  merge(ops: readonly SyncOp[]): void {
    this.transaction(() => applyOps(this.fields, ops));
  }

  /** The counter of this desktop's newest blob. */
  counter(): number {
    return this.options.state.get<number | null>('counter', null) ?? 0;
  }

  ledger(): BlobLedger {
    return new BlobLedger(this.options.state.get<LedgerState | null>('ledger', null) ?? {});
  }

  saveLedger(ledger: BlobLedger): void {
    this.options.state.set('ledger', ledger.toJSON());
  }

  /** When a blob of each device was last accepted here. */
  lastSync(): Record<string, number> {
    return this.options.state.get<Record<string, number> | null>('lastSync', null) ?? {};
  }

  /** Empties the log to take part in another group, which starts from that group's roster. */
  startOver(roster: readonly SyncOp[]): void {
    this.fields.clear();
    this.blobs.clear();
    this.local.clear();
    for (const name of ['counter', 'ledger', 'lastSync']) this.options.state.set(name, null);
    applyOps(this.fields, roster);
  }

  /** Keeps sync_local in step with what the collections now hold for every key these ops touched. */
  private recordLocal(ops: readonly SyncOp[]): void {
    for (const { c, k } of uniqueRecords(ops)) {
      if (c !== ROSTER_COLLECTION) this.local.remember(c, k, this.fields.record(c, k));
    }
  }
}

export function uniqueRecords(ops: readonly SyncOp[]): { c: SyncCollection; k: string }[] {
  const seen = new Map<string, { c: SyncCollection; k: string }>();
  for (const { c, k } of ops) seen.set(`${c}\0${k}`, { c, k });
  return [...seen.values()];
}
