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
  /**
   * Null when the chain has none to link to: a custom network added without one, or a built-in chain the user
   * reaches through their own RPC and set none for (main's withExplorers holds the rule).
   */
  explorer: z.strictObject({ name: z.string().min(1), url: z.url({ protocol: /^https$/ }) }).nullable(),
  /** Built-in public endpoints; empty for a custom network, whose endpoint is kept in the vault. */
  rpcUrls: z.array(z.url({ protocol: /^https?$/ })),
  multicall3: z.strictObject({ address: Address, blockCreated: z.number().int().nonnegative() }),
});
export type Chain = z.infer<typeof Chain>;

/**
 * A block explorer's base address, as the user gives it. Https only: main opens an explorer link in the
 * system browser and refuses anything else (src/main/electron/security.ts), so an http one would be a dead
 * link. No user name or password: the address is shown and sent in every link opened from it.
 */
export const ExplorerUrl = z.string().superRefine((value, context) => {
  // One authored sentence per refusal, so main's router can show it to the user as it is.
  const problem = explorerUrlProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

function explorerUrlProblem(value: string): string | null {
  if (value.length > 2048) return 'An explorer address is at most 2048 characters.';
  const url = URL.parse(value);
  if (url?.protocol !== 'https:' || !url.hostname)
    return 'An explorer address must start with https:// to open in your browser.';
  if (url.username || url.password) return 'An explorer address must not carry a user name or password.';
  return null;
}

/** An explorer the user gave, named by its host: it has no other name the wallet could trust. */
export function explorerAt(url: string): NonNullable<Chain['explorer']> {
  return { name: new URL(url).host, url };
}

/** The user's explorer for a chain, or null for none: what a chain on the user's own endpoint links to. */
export const SetChainExplorer = z.strictObject({ chainId: ChainId, explorerUrl: ExplorerUrl.nullable() });
export type SetChainExplorer = z.infer<typeof SetChainExplorer>;

/** A network the registry does not know, added by the user with the endpoint to reach it. */
export const AddCustomChain = z.strictObject({
  chainId: ChainId,
  name: z.string().trim().min(1).max(50),
  symbol: z.string().trim().min(1).max(12),
  decimals: z.number().int().min(0).max(36).default(18),
  rpcUrl: z.url({ protocol: /^https?$/ }).max(2048),
  explorerUrl: ExplorerUrl.nullable().default(null),
});
export type AddCustomChain = z.output<typeof AddCustomChain>;
