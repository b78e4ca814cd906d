import { describe, expect, it } from 'vitest';
import { blobName } from '../../shared/sync/syncBlob';
import { derivedKeys, newEpochKey } from '../../shared/sync/syncKeys';
import { LOOKAHEAD, SyncFolderScan, type HeldBlob, type NameKey } from './syncFolderScan';

const A = '00000000000000aa';
const B = '00000000000000bb';
const epoch1 = newEpochKey([]);
const epoch2 = newEpochKey([epoch1]);
const key1: NameKey = { epoch: 1, name: derivedKeys(epoch1).name };
const key2: NameKey = { epoch: 2, name: derivedKeys(epoch2).name };
const KEYS = [key2, key1];

const name = (key: NameKey, origin: string, counter: number) => blobName(key.name, origin, counter);
const counters = (found: { origin: string; counter: number }[]) =>
  found.map(({ origin, counter }) => `${origin === A ? 'A' : 'B'}${counter}`);

function scanOf(
  listing: string[],
  origins: { id: string; missing?: number[]; known?: number }[],
  held: HeldBlob[] = [],
) {
  const scan = new SyncFolderScan();
  const run = (names = listing) =>
    scan.scan(
      new Set(names),
      KEYS,
      origins.map(({ id, missing = [], known = 0 }) => ({ id, missing, known })),
      () => held,
    );
  return { scan, run };
}

describe('SyncFolderScan', () => {
  it('takes each origin’s blobs on from the highest known while present, under any held epoch', () => {
    const listing = [
      name(key1, A, 3),
      name(key1, A, 4),
      name(key2, A, 5),
      name(key1, B, 1),
      name(key1, A, 1),
    ];
    const { run } = scanOf(listing, [{ id: A, known: 2 }, { id: B }]);
    expect(counters(run())).toEqual(['A3', 'A4', 'A5', 'B1']);
  });

  it('asks for the counters an origin lacks below its highest known', () => {
    const { run } = scanOf([name(key1, A, 2), name(key1, A, 6)], [{ id: A, missing: [2, 3], known: 5 }]);
    expect(counters(run())).toEqual(['A2', 'A6']);
  });

  it('looks past an absent counter only for names it cannot place, and finds blobs beyond a gap', () => {
    const listing = [name(key1, A, 1), name(key1, A, 4), name(key2, A, 40), name(key1, B, 9)];
    const { run } = scanOf(listing, [{ id: A }, { id: B }]);
    expect(counters(run())).toEqual(['A1', 'A4', 'A40', 'B9']);
  });

  it('does not look ahead for names of blobs it holds, and stops LOOKAHEAD past the last find', () => {
    const held: HeldBlob[] = [{ origin: A, counter: 1, epoch: 1 }];
    const far = name(key1, A, 3 + LOOKAHEAD);
    const near = name(key1, A, 2 + LOOKAHEAD);
    expect(counters(scanOf([name(key1, A, 1), near, far], [{ id: A, known: 1 }], held).run())).toEqual([
      `A${2 + LOOKAHEAD}`,
      `A${3 + LOOKAHEAD}`,
    ]);
    expect(counters(scanOf([name(key1, A, 1), far], [{ id: A, known: 1 }], held).run())).toEqual([]);
  });

  it('searches again only when the listing holds a name it did not leave unplaced before', () => {
    const junk = 'ab'.repeat(16);
    const { run, scan } = scanOf([junk], [{ id: A }]);
    let computed = 0;
    const name = scan.name.bind(scan);
    scan.name = (...args) => {
      computed += 1;
      return name(...args);
    };
    expect(run()).toEqual([]);
    const first = computed;
    expect(first).toBeGreaterThan(LOOKAHEAD);
    computed = 0;
    expect(run()).toEqual([]);
    // The walk's first counter under each epoch, and nothing more.
    expect(computed).toBe(KEYS.length);
    expect(counters(run([junk, name(key1, A, 7)]))).toEqual(['A7']);
  });

  it('answers the same names as blobName, under whichever epoch the listing holds', () => {
    const scan = new SyncFolderScan();
    expect(scan.name(key1, A, 9)).toBe(name(key1, A, 9));
    expect(scan.find(new Set([name(key1, A, 9)]), KEYS, A, 9)).toBe(name(key1, A, 9));
    expect(scan.find(new Set([name(key1, A, 9)]), [key2], A, 9)).toBeUndefined();
  });
});
