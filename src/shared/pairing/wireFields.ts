import { z } from 'zod';

/** Field types the pairing messages share (docs/PROTOCOL.md section 10). */

export const MAX_UINT256 = (1n << 256n) - 1n;

// Leading zeros are refused so that one amount has exactly one spelling.
export const Decimal = z
  .string()
  .regex(/^(0|[1-9]\d{0,77})$/, 'a non-negative decimal integer')
  .refine((value) => BigInt(value) <= MAX_UINT256, 'a number that fits in 256 bits');

/** An EIP-155 chain id as JSON carries it exactly. */
export const WireChainId = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);

export const Nonce = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
