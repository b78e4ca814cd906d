import { type ChecksumAddress, toChecksumAddress } from '../../src/main/store/address';
import type { LabelInput } from '../../src/main/store/labelsRepository';

/**
 * The crash test's batches: batch N always has the same rows, tagged `batch:N` in the note, so after a kill the
 * parent can tell a whole batch from a partial one by counting.
 */
export function batchSize(batch: number): number {
  return 200 + ((batch * 7919) % 1800);
}

// A few addresses reused with a different chain per row keep rows unique while the writer spends its time
// inside transactions rather than checksumming.
const POOL: ChecksumAddress[] = Array.from({ length: 64 }, (_, i) =>
  toChecksumAddress(`0x${(i + 1).toString(16).padStart(40, 'c')}`),
);

export function batchLabels(batch: number): LabelInput[] {
  return Array.from({ length: batchSize(batch) }, (_, i) => ({
    address: POOL[i % POOL.length] as ChecksumAddress,
    chainId: batch * 10_000 + i + 1,
    kind: 'contract',
    name: `row ${i}`,
    note: `batch:${batch}`,
  }));
}
