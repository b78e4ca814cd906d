import { z } from 'zod';
import { invalidParams } from './providerError';

/** A JSON-RPC quantity: 0x and at most 64 hex digits; leading zeros pass, as some libraries send them. */
export const Quantity = z.string().regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a hex quantity');
export const HexData = z.string().regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'expected hex data');
export const Hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hash');
export const HexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected an address');
/** Methods that take nothing; libraries send no params, null or []. */
export const NoParams = z.union([z.undefined(), z.null(), z.tuple([])]);
/** A chain id as EIP-695 writes it (EIP-3326: no leading zero), within what the wallet stores (a safe integer). */
export const HexChainId = z
  .string()
  .regex(/^0x[1-9a-fA-F][0-9a-fA-F]{0,13}$/, 'expected a hex chain id')
  .transform((hex) => Number.parseInt(hex, 16))
  .refine(Number.isSafeInteger, 'expected a chain id the wallet can hold');

/** The site's params, or -32602 naming the first thing wrong with them (never echoing the input back). */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown, method: string): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.').slice(0, 80)}` : '';
  throw invalidParams(
    `Invalid params for ${method}${where}: ${issue?.message.slice(0, 120) ?? 'malformed'}.`,
  );
}

export const toHexChainId = (chainId: number) => `0x${chainId.toString(16)}`;
