import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SyncBlobsRepository } from './syncBlobsRepository';

const A = '00000000000000aa';
const B = '00000000000000bb';
const bytes = (...values: number[]) => new Uint8Array(values);

const temp = useTempDatabase('sync-blobs-');

describe('SyncBlobsRepository', () => {
  it('lists blobs in the order they were stored, after a position, across a restart', () => {
    let blobs = new SyncBlobsRepository(temp.db);
    blobs.add(B, 1, 1, bytes(1));
    blobs.add(A, 2, 1, bytes(2));
    blobs.add(A, 1, 2, bytes(3));
    blobs = new SyncBlobsRepository(temp.reopen());
    const all = blobs.after(0);
    expect(all.map(({ origin, counter, epoch, bytes }) => [origin, counter, epoch, [...bytes]])).toEqual([
      [B, 1, 1, [1]],
      [A, 2, 1, [2]],
      [A, 1, 2, [3]],
    ]);
    const second = all[1]?.rowid ?? 0;
    expect(blobs.after(second).map((row) => [...row.bytes])).toEqual([[3]]);
    expect(blobs.after(all.at(-1)?.rowid ?? 0)).toEqual([]);
  });

  it('keeps the first blob held under an origin and counter', () => {
    const blobs = new SyncBlobsRepository(temp.db);
    blobs.add(A, 1, 1, bytes(1));
    blobs.add(A, 1, 2, bytes(9));
    expect(blobs.after(0).map((row) => [row.epoch, [...row.bytes]])).toEqual([[1, [1]]]);
  });

  it('from() answers the blobs of one origin above a counter, in counter order', () => {
    const blobs = new SyncBlobsRepository(temp.db);
    blobs.add(A, 3, 1, bytes(3));
    blobs.add(B, 2, 1, bytes(20));
    blobs.add(A, 1, 1, bytes(1));
    blobs.add(A, 2, 1, bytes(2));
    expect(blobs.from(A, 0).map((blob) => [...blob])).toEqual([[1], [2], [3]]);
    expect(blobs.from(A, 2).map((blob) => [...blob])).toEqual([[3]]);
    expect(blobs.from(B, 2)).toEqual([]);
  });

  it('index() says which blobs are held, without their bytes', () => {
    const blobs = new SyncBlobsRepository(temp.db);
    blobs.add(A, 1, 1, bytes(1));
    blobs.add(B, 4, 2, bytes(2));
    expect(blobs.index().toSorted((x, y) => x.origin.localeCompare(y.origin))).toEqual([
      { origin: A, counter: 1, epoch: 1 },
      { origin: B, counter: 4, epoch: 2 },
    ]);
  });

  it('clear() removes every blob', () => {
    const blobs = new SyncBlobsRepository(temp.db);
    blobs.add(A, 1, 1, bytes(1));
    blobs.add(B, 1, 1, bytes(2));
    blobs.clear();
    expect(blobs.after(0)).toEqual([]);
  });
});
