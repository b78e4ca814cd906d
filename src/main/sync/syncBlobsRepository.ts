import type { Database } from 'better-sqlite3';

export interface StoredBlob {
  /** Where the blob sits in the order this desktop stored blobs: what a transport's progress counts. */
  rowid: number;
  origin: string;
  counter: number;
  epoch: number;
  bytes: Uint8Array;
}

/** Every sealed blob this desktop wrote or accepted, kept to hand on to devices that lack it. */
export class SyncBlobsRepository {
  private readonly insert;
  private readonly selectAfter;
  private readonly selectFrom;
  private readonly selectIndex;
  private readonly deleteAll;

  constructor(db: Database) {
    this.insert = db.prepare<[string, number, number, Uint8Array]>(
      'INSERT OR IGNORE INTO sync_blobs (origin, counter, epoch, bytes) VALUES (?, ?, ?, ?)',
    );
    this.selectAfter = db.prepare<[number], StoredBlob>(
      'SELECT rowid, origin, counter, epoch, bytes FROM sync_blobs WHERE rowid > ? ORDER BY rowid',
    );
    this.selectFrom = db.prepare<[string, number], { bytes: Uint8Array }>(
      'SELECT bytes FROM sync_blobs WHERE origin = ? AND counter > ? ORDER BY counter',
    );
    this.selectIndex = db.prepare<[], Omit<StoredBlob, 'rowid' | 'bytes'>>(
      'SELECT origin, counter, epoch FROM sync_blobs',
    );
    this.deleteAll = db.prepare('DELETE FROM sync_blobs');
  }

  /** A blob already held under its origin and counter is kept as it was. */
  add(origin: string, counter: number, epoch: number, bytes: Uint8Array): void {
    this.insert.run(origin, counter, epoch, bytes);
  }

  /** Blobs stored after the given position, in the order they were stored. */
  after(rowid: number): StoredBlob[] {
    return this.selectAfter.all(rowid);
  }

  /** One origin's blobs with a counter above the given one, in counter order. */
  from(origin: string, counter: number): Uint8Array[] {
    return this.selectFrom.all(origin, counter).map((row) => row.bytes);
  }

  /** Which blobs are held, without their bytes. */
  index(): Omit<StoredBlob, 'rowid' | 'bytes'>[] {
    return this.selectIndex.all();
  }

  clear(): void {
    this.deleteAll.run();
  }
}
