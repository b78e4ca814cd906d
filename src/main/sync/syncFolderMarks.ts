import type { FoundBlob } from './syncFolderScan';

/** The newest blob of an origin this desktop has seen in the sync folder: its counter and file name. */
export interface FolderMark {
  counter: number;
  name: string;
}

export type FolderMarks = Record<string, FolderMark>;

export type MarkVerdict =
  /** The folder holds a newer blob of the origin than the mark (or there was no mark): move the mark to it. */
  | { kind: 'ahead'; mark: FolderMark }
  /** The folder still holds the marked blob, and nothing newer. */
  | { kind: 'held' }
  /** The folder no longer holds the marked blob, nor anything newer: it serves an older state. */
  | { kind: 'rolled_back' }
  /** No mark, and nothing of the origin in the folder. */
  | { kind: 'none' };

/**
 * Compares what a listing of the folder holds of one origin (`listed`: its blobs whose names the listing
 * holds) with the mark from the syncs before, taken before this desktop writes anything back.
 */
export function judgeMark(
  mark: FolderMark | undefined,
  listing: ReadonlySet<string>,
  listed: readonly FoundBlob[],
): MarkVerdict {
  const newest = listed.reduce<FoundBlob | undefined>(
    (best, blob) => (best === undefined || blob.counter > best.counter ? blob : best),
    undefined,
  );
  if (newest && (!mark || newest.counter > mark.counter)) {
    return { kind: 'ahead', mark: { counter: newest.counter, name: newest.name } };
  }
  if (!mark) return { kind: 'none' };
  return listing.has(mark.name) ? { kind: 'held' } : { kind: 'rolled_back' };
}
