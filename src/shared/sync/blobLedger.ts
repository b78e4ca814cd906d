/**
 * What a reader knows about one origin's blob counters. Origins number their ops blobs 1, 2, 3…; a signed
 * blob with counter n proves that 1…n-1 exist too, so a blob the relay or folder holds back shows up as a gap
 * below the highest counter known to exist. A transport that notices an older state served than one seen
 * before (a sync folder restored from an old copy) marks the origin rolled back.
 */
export interface LedgerState {
  [origin: string]: {
    /** Every counter up to this one has been accepted. */
    contiguous: number;
    /** Accepted counters past a gap, ascending. */
    above: number[];
    /** The highest counter known to exist: accepted, or a blob of it seen in a folder. */
    known: number;
    /** Set while a transport serves an older state of the origin than one seen before. */
    rolledBack?: true;
  };
}
type OriginState = LedgerState[string];

/**
 * The state as version 2 saved it: `head` was the highest counter a signed head blob named, which counts as
 * known to exist.
 */
export type SavedLedgerState = Record<
  string,
  Omit<OriginState, 'known'> & { known?: number | undefined; head?: number | undefined }
>;

/**
 * A hostile or broken member could sign a counter of 2^53; listing every counter under it would exhaust
 * memory, so `missing` stops at this many. The status still says 'behind'.
 */
export const MAX_MISSING_LISTED = 10_000;

function checkCounter(counter: number): void {
  if (!Number.isSafeInteger(counter) || counter < 1) {
    throw new RangeError(`a blob counter must be an integer ≥ 1, got ${counter}`);
  }
}

export class BlobLedger {
  private readonly state: Map<string, OriginState>;

  constructor(state: SavedLedgerState = {}) {
    this.state = new Map(
      Object.entries(state).map(([origin, { head, known, ...entry }]) => [
        origin,
        copy({ ...entry, known: Math.max(known ?? 0, head ?? 0, entry.contiguous, entry.above.at(-1) ?? 0) }),
      ]),
    );
  }

  private entry(origin: string): OriginState {
    let entry = this.state.get(origin);
    if (entry === undefined) {
      entry = { contiguous: 0, above: [], known: 0 };
      this.state.set(origin, entry);
    }
    return entry;
  }

  /** Records an ops blob; 'duplicate' means it was seen before and its ops need not be applied again. */
  accept(origin: string, counter: number): 'new' | 'duplicate' {
    checkCounter(counter);
    const entry = this.entry(origin);
    entry.known = Math.max(entry.known, counter);
    if (counter <= entry.contiguous || entry.above.includes(counter)) return 'duplicate';
    if (counter === entry.contiguous + 1) {
      entry.contiguous = counter;
      while (entry.above[0] === entry.contiguous + 1) {
        entry.contiguous += 1;
        entry.above.shift();
      }
    } else {
      entry.above.push(counter);
      entry.above.sort((a, b) => a - b);
    }
    return 'new';
  }

  /**
   * A blob with this counter exists (its name, which only members can compute, is in a folder), whether or
   * not it opens: until one that does is accepted, the origin is behind.
   */
  exists(origin: string, counter: number): void {
    checkCounter(counter);
    const entry = this.entry(origin);
    entry.known = Math.max(entry.known, counter);
  }

  /** The highest counter of the origin known to exist; 0 for an origin never seen. */
  known(origin: string): number {
    return this.state.get(origin)?.known ?? 0;
  }

  /** Marks (or clears) the origin as served in an older state than one seen before. */
  setRolledBack(origin: string, rolledBack: boolean): void {
    const entry = this.entry(origin);
    if (rolledBack) entry.rolledBack = true;
    else delete entry.rolledBack;
  }

  /** Counters known to exist but never accepted, ascending. */
  missing(origin: string): number[] {
    const entry = this.state.get(origin);
    if (entry === undefined) return [];
    const accepted = new Set(entry.above);
    const gaps: number[] = [];
    for (
      let counter = entry.contiguous + 1;
      counter <= entry.known && gaps.length < MAX_MISSING_LISTED;
      counter++
    ) {
      if (!accepted.has(counter)) gaps.push(counter);
    }
    return gaps;
  }

  status(origin: string): 'ok' | 'behind' | 'rolled_back' {
    const entry = this.state.get(origin);
    if (entry === undefined) return 'ok';
    if (entry.rolledBack === true) return 'rolled_back';
    return entry.contiguous < entry.known ? 'behind' : 'ok';
  }

  origins(): string[] {
    return [...this.state.keys()].sort();
  }

  toJSON(): LedgerState {
    return Object.fromEntries([...this.state].map(([origin, entry]) => [origin, copy(entry)]));
  }
}

function copy(entry: OriginState): OriginState {
  return { ...entry, above: [...entry.above] };
}
