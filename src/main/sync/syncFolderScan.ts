import { bytesToHex } from '@noble/hashes/utils.js';
import { blobName } from '../../shared/sync/syncBlob';

/**
 * How far past the first absent counter of an origin a scan looks for blobs that arrived out of order, or
 * past one the folder withholds. A longer gap shows once it shrinks below this; a folder that withholds an
 * origin's every later blob looks like a device that wrote nothing, with or without this search.
 */
export const LOOKAHEAD = 256;

/** A computed name is kept until this many are; then the memo starts over. */
const MAX_MEMO = 200_000;

/** One held epoch's name key. */
export interface NameKey {
  epoch: number;
  name: Uint8Array;
}

/** Where a reader stands with one origin: the counters it lacks below `known`, and the highest known. */
export interface ScannedOrigin {
  id: string;
  missing: readonly number[];
  known: number;
}

export interface FoundBlob {
  origin: string;
  counter: number;
  name: string;
}

export interface HeldBlob {
  origin: string;
  counter: number;
  epoch: number;
}

/**
 * Finds other devices' blobs in one listing of a sync folder by computing their HMAC names: the counters an
 * origin lacks, then on from the highest known while each is there, then (only if the listing holds names it
 * cannot account for) up to LOOKAHEAD further. Names are computed once per process.
 */
export class SyncFolderScan {
  private readonly memo = new Map<string, string>();
  /** What the last look-ahead left unplaced, and the positions it searched from. */
  private settled = { at: '', names: new Set<string>() };

  /** The name of the origin's blob with this counter that the listing holds, under whichever epoch. */
  find(
    listing: ReadonlySet<string>,
    keys: readonly NameKey[],
    origin: string,
    counter: number,
  ): string | undefined {
    for (const key of keys) {
      const name = this.name(key, origin, counter);
      if (listing.has(name)) return name;
    }
    return undefined;
  }

  name(key: NameKey, origin: string, counter: number): string {
    const id = `${keyId(key)}/${origin}/${counter}`;
    let name = this.memo.get(id);
    if (name === undefined) {
      if (this.memo.size >= MAX_MEMO) this.memo.clear();
      name = blobName(key.name, origin, counter);
      this.memo.set(id, name);
    }
    return name;
  }

  /** The blobs to read, per origin in the order found. `held` lists the blobs this desktop already has. */
  scan(
    listing: ReadonlySet<string>,
    keys: readonly NameKey[],
    origins: readonly ScannedOrigin[],
    held: () => Iterable<HeldBlob>,
  ): FoundBlob[] {
    const found: FoundBlob[] = [];
    const taken = new Set<string>();
    const take = (origin: string, counter: number, wanted?: Set<string>): boolean => {
      const name = this.find(listing, keys, origin, counter);
      if (name === undefined || taken.has(name) || (wanted && !wanted.has(name))) return false;
      found.push({ origin, counter, name });
      taken.add(name);
      wanted?.delete(name);
      return true;
    };
    const stops = origins.map(({ id, missing, known }) => {
      for (const counter of missing) take(id, counter);
      let counter = known + 1;
      while (take(id, counter)) counter += 1;
      return { id, stop: counter };
    });
    const at = JSON.stringify([keys.map(keyId), stops]);
    const left = [...listing].filter((name) => !taken.has(name));
    if (at === this.settled.at && left.every((name) => this.settled.names.has(name))) return found;
    const unplaced = this.unaccounted(left, keys, held);
    for (const { id, stop } of stops) {
      for (let counter = stop + 1, last = stop + LOOKAHEAD; counter <= last && unplaced.size > 0; counter++) {
        if (take(id, counter, unplaced)) last = counter + LOOKAHEAD;
      }
    }
    this.settled = { at, names: new Set(left.filter((name) => !taken.has(name))) };
    return found;
  }

  /** Listed names that are none of the blobs held here. */
  private unaccounted(
    left: readonly string[],
    keys: readonly NameKey[],
    held: () => Iterable<HeldBlob>,
  ): Set<string> {
    const unplaced = new Set(left);
    if (unplaced.size === 0) return unplaced;
    for (const blob of held()) {
      const key = keys.find((candidate) => candidate.epoch === blob.epoch);
      if (key) unplaced.delete(this.name(key, blob.origin, blob.counter));
    }
    return unplaced;
  }
}

const keyIds = new WeakMap<Uint8Array, string>();

/** Tells keys apart in memo entries: another group may number its epochs the same. */
function keyId(key: NameKey): string {
  let id = keyIds.get(key.name);
  if (id === undefined) {
    id = bytesToHex(key.name.subarray(0, 8));
    keyIds.set(key.name, id);
  }
  return id;
}
