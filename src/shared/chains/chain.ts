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
  /** Null for a custom network added without an explorer. */
  explorer: z.strictObject({ name: z.string().min(1), url: z.url({ protocol: /^https$/ }) }).nullable(),
  /** Built-in public endpoints; empty for a custom network, whose endpoint is kept in the vault. */
  rpcUrls: z.array(z.url({ protocol: /^https?$/ })),
  multicall3: z.strictObject({ address: Address, blockCreated: z.number().int().nonnegative() }),
});
export type Chain = z.infer<typeof Chain>;

/** A network the registry does not know, added by the user with the endpoint to reach it. */
export const AddCustomChain = z.strictObject({
  chainId: ChainId,
  name: z.string().trim().min(1).max(50),
  symbol: z.string().trim().min(1).max(12),
  decimals: z.number().int().min(0).max(36).default(18),
  rpcUrl: z.url({ protocol: /^https?$/ }).max(2048),
  explorerUrl: z
    .url({ protocol: /^https$/ })
    .max(2048)
    .nullable()
    .default(null),
});
export type AddCustomChain = z.output<typeof AddCustomChain>;
