import type { TransactionRef } from '../rawTransaction';

/** Several sources' refs as one list: each hash once (a whole transaction wins), in ascending block order. */
export function mergeRefs(lists: readonly (readonly TransactionRef[])[]): TransactionRef[] {
  const byHash = new Map<string, TransactionRef>();
  for (const ref of lists.flat()) {
    const hash = ref.hash.toLowerCase();
    const known = byHash.get(hash);
    if (!known || (!known.full && ref.full)) byHash.set(hash, { ...ref, hash });
  }
  return [...byHash.values()].sort(
    (a, b) =>
      a.blockNumber - b.blockNumber || (a.full?.transactionIndex ?? 0) - (b.full?.transactionIndex ?? 0),
  );
}
