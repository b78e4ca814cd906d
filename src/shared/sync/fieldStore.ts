import { DELETED_FIELD, type SyncCollection, type SyncOp, type SyncValue } from './syncOps';

/** A field's current value and the stamp of the write that set it. */
export interface StoredField {
  v: SyncValue;
  t: string;
}

export interface FieldStore {
  get(c: SyncCollection, k: string, f: string): StoredField | undefined;
  put(op: SyncOp): void;
}

/**
 * Last writer wins, per field. Stamps are fixed width, so comparing the strings compares the clocks. An equal
 * stamp is the same write seen again (each device stamps each write once), so it changes nothing.
 */
export function wins(incoming: SyncOp, stored: StoredField | undefined): boolean {
  return stored === undefined || incoming.t > stored.t;
}

/**
 * Applies ops in whatever order they arrived; every order, with repeats, ends in the same store. Returns the
 * ops that changed it, in the order applied, for whatever must follow a change.
 */
export function applyOps(store: FieldStore, ops: readonly SyncOp[]): SyncOp[] {
  const changed: SyncOp[] = [];
  for (const op of ops) {
    if (!wins(op, store.get(op.c, op.k, op.f))) continue;
    store.put(op);
    changed.push(op);
  }
  return changed;
}

/** Fields by collection, then record key, then field name. */
export class MemoryFieldStore implements FieldStore {
  private readonly collections = new Map<SyncCollection, Map<string, Map<string, StoredField>>>();

  get(c: SyncCollection, k: string, f: string): StoredField | undefined {
    return this.collections.get(c)?.get(k)?.get(f);
  }

  put(op: SyncOp): void {
    let records = this.collections.get(op.c);
    if (!records) this.collections.set(op.c, (records = new Map()));
    let fields = records.get(op.k);
    if (!fields) records.set(op.k, (fields = new Map()));
    fields.set(op.f, { v: op.v, t: op.t });
  }

  /** Every stored field as the op that wrote it, in an order that depends only on the contents. */
  entries(): SyncOp[] {
    const ops: SyncOp[] = [];
    for (const [c, records] of sortedEntries(this.collections))
      for (const [k, fields] of sortedEntries(records))
        for (const [f, { v, t }] of sortedEntries(fields)) ops.push({ c, k, f, v, t });
    return ops;
  }

  /** The live records of a collection, field by field; deleted ones are left out. */
  records(c: SyncCollection): Map<string, Record<string, SyncValue>> {
    const live = new Map<string, Record<string, SyncValue>>();
    for (const [k, fields] of sortedEntries(this.collections.get(c) ?? new Map<string, never>())) {
      if (fields.get(DELETED_FIELD)?.v === true) continue;
      // fromEntries defines own properties, so a field named like an Object.prototype member stays data.
      live.set(
        k,
        Object.fromEntries(
          [...fields].filter(([f]) => f !== DELETED_FIELD).map(([f, { v }]) => [f, v] as const),
        ),
      );
    }
    return live;
  }
}

function sortedEntries<K extends string, V>(map: Map<K, V>): [K, V][] {
  // Code-unit order, not localeCompare: the same on every device whatever its locale.
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
