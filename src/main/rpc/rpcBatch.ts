import type { RpcRequest } from './jsonRpc';

/** One call of a batch, serialized once, so splitting by size and posting agree on its bytes. */
export interface BatchItem {
  /** The request's position in its sendBatch call. */
  index: number;
  method: string;
  /** The serialized params. */
  json: string;
}

export interface BatchLimits {
  maxBatchCalls: number;
  maxBatchBytes: number;
}

/** A generous bound on what a call's envelope adds to its params, for splitting batches by size. */
const ENVELOPE_BYTES = 64;

/** Splits requests, in order, into groups within a provider's limits; a single oversized call goes alone. */
export function splitBatch(requests: readonly RpcRequest<unknown>[], limits: BatchLimits): BatchItem[][] {
  const groups: BatchItem[][] = [];
  let group: BatchItem[] = [];
  let bytes = 0;
  requests.forEach((request, index) => {
    const item = { index, method: request.method, json: JSON.stringify(request.params) };
    const size = item.json.length + ENVELOPE_BYTES;
    if (group.length > 0 && (group.length >= limits.maxBatchCalls || bytes + size > limits.maxBatchBytes)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += size;
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

/** The POST body: a bare call on its own, an array for a batch, with the ids the answers are paired by. */
export function batchBody(items: readonly BatchItem[], ids: readonly number[]): string {
  const calls = items.map(
    (item, i) => `{"jsonrpc":"2.0","id":${ids[i]},"method":"${item.method}","params":${item.json}}`,
  );
  return items.length > 1 ? `[${calls.join(',')}]` : (calls[0] as string);
}
