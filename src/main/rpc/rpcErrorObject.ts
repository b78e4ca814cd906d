import { z } from 'zod';

/** A JSON-RPC 2.0 error object, as a node sends it for one call or for a whole batch. */
export const RpcErrorObject = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});
export type JsonRpcErrorObject = z.infer<typeof RpcErrorObject>;
