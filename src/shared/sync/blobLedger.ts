/**
 * What a reader knows about one origin's blob counters. Origins number their ops blobs 1, 2, 3… and publish
 * the highest in a signed head, so a blob the relay or folder holds back shows up as a gap, and an older
 * head served in place of a newer one shows up as a rollback.
 */
export interface LedgerState {
  [origin: string]: {
    /** Every counter up to this one has been accepted. */
    contiguous: number;
    /** Accepted counters past a gap, ascending. */
    above: number[];
    /** The highest head ever observed. */
    head: number;
    /** Set while the latest head observed was lower than `head`. */
    rolledBack?: true;
  };
}
type OriginState = LedgerState[string];

/**
 * A hostile or broken member could sign a head of 2^53; listing every counter under it would exhaust memory,
 * so `missing` stops at this many. The status still says 'behind'.
 */
export const MAX_MISSING_LISTED = 10_000;

function checkCounter(counter: number, lowest: number): void {
  if (!Number.isSafeInteger(counter) || counter < lowest) {
    throw new RangeError(`a blob counter must be an integer ≥ ${lowest}, got ${counter}`);
  }
}

export class BlobLedger {
  private readonly state: Map<string, OriginState>;

  constructor(state: LedgerState = {}) {
    this.state = new Map(Object.entries(state).map(([origin, entry]) => [origin, copy(entry)]));
  }

  private entry(origin: string): OriginState {
    let entry = this.state.get(origin);
    if (entry === undefined) {
      entry = { contiguous: 0, above: [], head: 0 };
      this.state.set(origin, entry);
    }
    return entry;
  }

  /** Records an ops blob; 'duplicate' means it was seen before and its ops need not be applied again. */
  accept(origin: string, counter: number): 'new' | 'duplicate' {
    checkCounter(counter, 1);
    const entry = this.entry(origin);
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

  /** Records a head blob; 'rolled_back' means it is older than one seen before, so something is serving stale state. */
  observeHead(origin: string, counter: number): 'ok' | 'rolled_back' {
    checkCounter(counter, 0);
    const entry = this.entry(origin);
    if (counter < entry.head) {
      entry.rolledBack = true;
      return 'rolled_back';
    }
    entry.head = counter;
    delete entry.rolledBack;
    return 'ok';
  }

  /**
   * Counters known to exist but never accepted, ascending. An accepted counter proves its predecessors exist
   * just as a head does, so gaps below it count even before a head covering them arrives.
   */
  missing(origin: string): number[] {
    const entry = this.state.get(origin);
    if (entry === undefined) return [];
    const known = Math.max(entry.head, entry.above.at(-1) ?? 0);
    const accepted = new Set(entry.above);
    const gaps: number[] = [];
    for (
      let counter = entry.contiguous + 1;
      counter <= known && gaps.length < MAX_MISSING_LISTED;
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
    return entry.contiguous < Math.max(entry.head, entry.above.at(-1) ?? 0) ? 'behind' : 'ok';
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
