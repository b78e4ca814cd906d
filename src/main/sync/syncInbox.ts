import { rosterOpRefusal } from '../../shared/sync/roster';
import { openBlob, type OpenedBlob } from '../../shared/sync/syncBlob';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { SyncInputError } from '../../shared/sync/syncInputError';
import { ROSTER_COLLECTION, type SyncOp } from '../../shared/sync/syncOps';
import type { SyncCollectionChoice } from './syncCollectionChoice';
import type { SyncedCollection, SyncRecord } from './syncedCollections';
import type { SyncGroupKeys } from './syncGroupKeys';
import { uniqueRecords, type SyncJournal } from './syncJournal';
import type { SyncProblems, SyncSource } from './syncProblems';
import type { SyncRoster } from './syncRoster';

export interface SyncInboxOptions {
  keys: SyncGroupKeys;
  journal: SyncJournal;
  roster: SyncRoster;
  problems: SyncProblems;
  collections: readonly SyncedCollection[];
  choice: Pick<SyncCollectionChoice, 'get'>;
}

interface VaultedWrite {
  collection: SyncedCollection;
  key: string;
  record: SyncRecord | null;
  written: Promise<void>;
}

/**
 * Blobs from other devices, through any transport: each is opened, checked against the ledger and applied on
 * its own, so a bad one costs only itself, and what merged is written to this desktop's collections.
 */
export class SyncInbox {
  constructor(private readonly options: SyncInboxOptions) {}

  /**
   * One blob: refused ones are reported and skipped; an accepted one is applied with its ledger entry.
   * `named`: the origin and counter the blob's file name stands for, which its signed contents must match.
   */
  async accept(
    bytes: Uint8Array,
    source: SyncSource,
    named?: { origin: string; counter: number },
  ): Promise<void> {
    const { keys, journal, roster, problems } = this.options;
    const identity = keys.current;
    if (!identity) return;
    let opened: OpenedBlob;
    try {
      opened = openBlob(identity.ring, (id) => roster.signPublicOf(id), bytes);
    } catch (error) {
      if (error instanceof SyncBlobError) return problems.report(source, error.message);
      throw error;
    }
    if (named && (named.origin !== opened.origin || named.counter !== opened.counter)) {
      // Another genuine blob moved under this name: what the name stands for is still missing.
      return problems.report(
        source,
        `A file in the sync folder does not hold the change from ${roster.nameOf(named.origin)} its name stands for: it was ignored.`,
      );
    }
    if (opened.origin === identity.device.id) return;
    const ledger = journal.ledger();
    if (ledger.accept(opened.origin, opened.counter) === 'duplicate') return;
    const nameOf = (id: string) => roster.nameOf(id);
    const refusal = rosterOpRefusal(journal.fields.collection(ROSTER_COLLECTION), opened.ops, nameOf);
    if (refusal) {
      // Counted as received, so the device does not show as behind for a blob it will never send again.
      journal.saveLedger(ledger);
      return problems.report(source, `A change from ${nameOf(opened.origin)} was refused: ${refusal}.`);
    }
    try {
      for (const op of opened.ops) keys.observe(op.t);
    } catch (error) {
      if (!(error instanceof SyncInputError)) throw error;
      journal.saveLedger(ledger);
      return problems.report(
        source,
        `A change from ${roster.nameOf(opened.origin)} was ignored: ${error.message}`,
      );
    }
    const touched = new Set<SyncedCollection>();
    const vaulted: VaultedWrite[] = [];
    journal.transaction(() => {
      const winners = journal.store(opened, bytes, ledger);
      this.write(winners, source, touched, vaulted);
    });
    for (const { collection, key, record, written } of vaulted) {
      try {
        await written;
        journal.local.remember(collection.name, key, record);
        touched.add(collection);
      } catch (error) {
        problems.report(
          source,
          `A synced ${collection.name} entry could not be stored here: ${(error as Error).message}`,
        );
      }
    }
    for (const collection of touched) collection.announce();
  }

  /** Writes each record the merge changed into its collection, if the user syncs that collection. */
  private write(
    winners: readonly SyncOp[],
    source: SyncSource,
    touched: Set<SyncedCollection>,
    vaulted: VaultedWrite[],
  ): void {
    const { journal, problems, collections } = this.options;
    const enabled = this.options.choice.get();
    for (const { c, k } of uniqueRecords(winners).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))) {
      const collection = collections.find((candidate) => candidate.name === c);
      if (!collection || !enabled[collection.name]) continue;
      const record = journal.fields.record(c, k);
      try {
        // Its own savepoint: a write that fails half-way leaves nothing of itself behind.
        // (A vault-backed write answers with a promise, which a transaction function must not return.)
        let written: Promise<void> | undefined;
        journal.transaction(() => {
          written = collection.write(k, record) ?? undefined;
        });
        if (written) {
          vaulted.push({ collection, key: k, record, written });
          continue;
        }
        journal.local.remember(c, k, record);
        touched.add(collection);
      } catch (error) {
        // What this desktop cannot use stays as it was here, and is not echoed back as a change.
        problems.report(
          source,
          `A synced ${collection.name} entry could not be used here: ${(error as Error).message}`,
        );
      }
    }
  }
}
