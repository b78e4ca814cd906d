import { DELETED_FIELD, type SyncCollection, type SyncOp, type SyncValue } from '../../shared/sync/syncOps';
import type { SyncedCollection, SyncRecord } from './syncedCollections';
import type { SyncFieldsRepository } from './syncFieldsRepository';
import type { SyncLocalRepository } from './syncLocalRepository';

export interface CaptureSources {
  /** Each record as this desktop last had it. */
  local: Pick<SyncLocalRepository, 'all'>;
  fields: Pick<SyncFieldsRepository, 'get'>;
  /** Stamps an op of this desktop. */
  op(c: SyncCollection, k: string, f: string, v: SyncValue): SyncOp;
}

/**
 * What the user changed here since the last capture, as ops: only fields that differ, deletions too. Found by
 * comparing each collection with how this desktop last had it, so every path that writes (a screen, a backup
 * import) syncs without knowing about sync.
 */
export async function captureChanges(
  collections: readonly SyncedCollection[],
  sources: CaptureSources,
): Promise<SyncOp[]> {
  const { local, fields } = sources;
  const op = sources.op.bind(sources);
  const ops: SyncOp[] = [];
  for (const collection of collections) {
    const name = collection.name;
    const before = local.all(name);
    const after = await collection.snapshot();
    for (const [key, record] of after) {
      const previous = before.get(key);
      if (previous && sameRecord(previous, record)) continue;
      if (!previous && fields.get(name, key, DELETED_FIELD)?.v === true)
        ops.push(op(name, key, DELETED_FIELD, false));
      for (const [field, value] of Object.entries(record)) {
        if (!previous || JSON.stringify(previous[field]) !== JSON.stringify(value))
          ops.push(op(name, key, field, value));
      }
      for (const field of Object.keys(previous ?? {}))
        if (!(field in record)) ops.push(op(name, key, field, null));
    }
    for (const key of before.keys()) if (!after.has(key)) ops.push(op(name, key, DELETED_FIELD, true));
  }
  return ops;
}

function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
