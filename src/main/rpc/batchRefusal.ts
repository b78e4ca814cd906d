import { z } from 'zod';
import type { JsonRpcErrorObject } from './rpcErrorObject';

/** An endpoint's refusal of a whole batch for its size, and the most calls it said it takes, if it did. */
export interface BatchTooLarge {
  stated: number | null;
}

/**
 * Whether an error that stands for a whole batch refuses it for its size: geth's -32600 "batch too large",
 * Erigon's -32600 "batch limit 100 exceeded …", Alchemy's and Infura's "batch size too large, max 3".
 */
export function batchTooLarge({ code, message }: JsonRpcErrorObject): BatchTooLarge | null {
  if (!/batch/i.test(message) || !(code === -32600 || /large|exceed|limit|max/i.test(message))) return null;
  const stated = /\d+/.exec(message);
  return { stated: stated ? Number(stated[0]) : null };
}

const WrappedRefusal = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: z.union([z.number(), z.string(), z.null()]),
    error: z.object({ code: z.literal(-32600), message: z.string(), data: z.unknown().optional() }),
  })
  .strict();

/**
 * geth's and Erigon's refusal of a batch for its size, which is not one error object but an array holding
 * one, carrying the id of the batch's first call (geth's `respondWithBatchTooLarge`):
 * `[{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"batch too large"}}]`. Read strictly, for a
 * batch of two calls or more: one element, no result, code -32600, a batch-size message, and the first
 * call's id (or null); anything else short of an answer per call stays a malformed answer.
 */
export function wrappedBatchRefusal(
  body: readonly unknown[],
  ids: readonly number[],
): JsonRpcErrorObject | null {
  if (ids.length < 2 || body.length !== 1) return null;
  const parsed = WrappedRefusal.safeParse(body[0]);
  if (!parsed.success) return null;
  const { id, error } = parsed.data;
  return (id === null || id === ids[0]) && batchTooLarge(error) ? error : null;
}
