import { z } from 'zod';

export const ChainId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type ChainId = z.infer<typeof ChainId>;

export const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte hex address');

/**
 * How a chain settles matters to fees (OP-stack chains charge an L1 data fee) and to bridge decoding,
 * so it is part of the chain's identity rather than a UI detail.
 */
export const ChainFamily = z.enum(['ethereum', 'op-stack', 'arbitrum', 'other']);

export const Chain = z.strictObject({
  id: ChainId,
  name: z.string().min(1),
  shortName: z.string().min(1),
  family: ChainFamily,
  nativeCurrency: z.strictObject({
    name: z.string().min(1),
    symbol: z.string().min(1),
    decimals: z.number().int().min(0).max(36),
  }),
  explorer: z.strictObject({ name: z.string().min(1), url: z.url({ protocol: /^https$/ }) }),
  rpcUrls: z.array(z.url({ protocol: /^https?$/ })).min(1),
  multicall3: z.strictObject({ address: Address, blockCreated: z.number().int().nonnegative() }),
});
export type Chain = z.infer<typeof Chain>;
